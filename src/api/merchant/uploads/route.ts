import type { MedusaResponse } from "@medusajs/framework/http"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import type { MerchantRequest } from "../context"
import type { UploadImagesBody } from "../validators"

/**
 * POST /merchant/uploads — product pictures through Medusa's file module (public files: the local
 * provider in development and tests, S3 when configured), as Medusa's own /admin/uploads does.
 * Answers the files' ids and URLs; the editor then sets them as the product's images.
 */
export const POST = async (req: MerchantRequest<UploadImagesBody>, res: MedusaResponse) => {
  const { files } = (req as any).validatedBody as UploadImagesBody
  const merchantId = req.merchantContext.merchant.id
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f) => ({
        // The merchant's id in the name keeps one shop's uploads apart from another's in the bucket.
        filename: `${merchantId}-${f.filename}`,
        mimeType: f.mime_type,
        content: f.content_base64.replace(/\s+/g, ""),
        access: "public" as const,
      })),
    },
  })
  res.json({ files: result.map((f: any) => ({ id: f.id, url: f.url })) })
}
