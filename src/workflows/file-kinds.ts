/**
 * What each kind of attachment may contain, judged by the file's content (file-type), never by its
 * name or declared type. `cfb` is the container of legacy .doc/.xls files.
 */
const IMAGES = ['jpg', 'png', 'webp', 'heic'];
const DOCUMENTS = ['pdf', 'docx', 'cfb'];
const MB = 1024 * 1024;

const kind = (exts: string[], maxMB: number) => ({ exts, maxBytes: maxMB * MB });

export const FILE_KINDS: Record<string, { exts: string[]; maxBytes: number }> = {
  'site-photo': kind(IMAGES, 15),
  'plan-sketch': kind([...IMAGES, 'pdf'], 15),
  plan: kind(DOCUMENTS, 30),
  drawing: kind(['dwg', 'pdf', ...IMAGES], 50),
  budget: kind(['xlsx', 'cfb', 'pdf'], 20),
  contract: kind([...DOCUMENTS, ...IMAGES], 30),
  'signed-contract': kind([...DOCUMENTS, ...IMAGES], 30),
  'construction-start-photo': kind(IMAGES, 15),
  'construction-finish-photo': kind(IMAGES, 15),
  'water-on-photo': kind(IMAGES, 15),
  visa: kind([...IMAGES, 'pdf'], 15),
  'acceptance-form': kind([...IMAGES, 'pdf'], 15),
  'handover-form': kind([...IMAGES, 'pdf'], 15),
  'as-built-drawing': kind(['dwg', 'pdf', ...IMAGES], 50),
  settlement: kind(['pdf', 'xlsx', 'cfb', ...IMAGES], 20),
  'voice-note': kind(['mp3', 'm4a', 'aac', 'wav', 'amr', 'webm', 'ogg'], 20),
  video: kind(['mp4', 'mov', 'webm'], 50),
  other: kind([...IMAGES, 'pdf', 'docx', 'xlsx', 'cfb'], 20),
};
