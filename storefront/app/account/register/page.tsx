"use client"

import { AuthForm } from "@/components/account/AuthForm"

export default function AccountRegisterPage() {
  return <AuthForm mode="register" />
}
