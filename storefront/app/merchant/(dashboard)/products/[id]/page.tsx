"use client"

import { useParams } from "next/navigation"
import { ProductEditor } from "@/components/dashboard/catalog/ProductEditor"

export default function ProductEditorPage() {
  const { id } = useParams<{ id: string }>()
  return <ProductEditor key={id} id={id} />
}
