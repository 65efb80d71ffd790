/**
 * Test certificates made at test time (never committed): a CA, a server certificate for
 * localhost/127.0.0.1 and a client certificate it signed (OrangeData's mutual TLS), plus an RSA
 * key pair for request signatures. Uses the openssl CLI.
 */
import { execFileSync } from "node:child_process"
import { generateKeyPairSync } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export type TestPki = {
  ca: string
  serverCert: string
  serverKey: string
  clientCert: string
  clientKey: string
  /** A client certificate from another CA: the server must refuse it. */
  strangerCert: string
  strangerKey: string
  signPrivateKey: string
  signPublicKey: string
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "snail-pki-"))
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" })
  try {
    for (const name of ["ca", "other-ca"]) {
      ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", "2", "-subj", `/CN=Snail Test ${name}`)
    }
    writeFileSync(join(dir, "server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    const leaf = (name: string, ca: string, cn: string, ext?: string) => {
      ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`)
      ssl("x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.crt`, "-days", "2",
        ...(ext ? ["-extfile", ext] : []))
    }
    leaf("server", "ca", "localhost", "server.ext")
    leaf("client", "ca", "7707083893")
    leaf("stranger", "other-ca", "stranger")
    const read = (f: string) => readFileSync(join(dir, f), "utf8")
    const sign = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } })
    return {
      ca: read("ca.crt"), serverCert: read("server.crt"), serverKey: read("server.key"), clientCert: read("client.crt"), clientKey: read("client.key"),
      strangerCert: read("stranger.crt"), strangerKey: read("stranger.key"), signPrivateKey: sign.privateKey, signPublicKey: sign.publicKey,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
