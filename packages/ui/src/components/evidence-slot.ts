/** One evidence slot as a page hands it to EvidenceSlotUpload (the case's requiredEvidence entry). */
export interface EvidenceRequirementView {
  slot: string;
  name: string;
  maxBytes: number;
  allowedTypes: readonly string[];
  file?: { id: string; fileName: string; uploadedAt?: string | null; downloadUrl?: string | null; mimeType?: string | null } | null;
}

/** What the page's ticket request gave: the upload link and its limits, or the server's refusal in its words. */
export type TicketAnswer = { uploadUrl: string; maxBytes: number; allowedTypes: readonly string[] } | { error: string };
