"use client"

import { NewProductForm } from "@/components/dashboard/catalog/NewProductForm"

export default function NewProductPage() {
  return <NewProductForm />
}
