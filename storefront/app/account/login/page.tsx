"use client"

import { AuthForm } from "@/components/account/AuthForm"

export default function AccountLoginPage() {
  return <AuthForm mode="login" />
}
