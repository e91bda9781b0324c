/** One evidence slot shown by EvidenceViewer: its name and its current file (null when empty). */
export interface EvidenceViewerFile {
  /** The slot's name, e.g. 原省份成绩证明扫描件. */
  label: string;
  file: { id: string; fileName: string; mimeType?: string | null; downloadUrl?: string | null } | null;
}
