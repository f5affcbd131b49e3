/** Chinese names of attachment kinds, as the applicant and staff read them. */
export const FILE_KIND_LABELS: Record<string, string> = {
  'site-photo': '现场照片',
  'plan-sketch': '方案草图',
  plan: '方案',
  drawing: '施工图',
  budget: '预算书',
  contract: '合同',
  'signed-contract': '双方签字的合同',
  'construction-start-photo': '开始施工照片',
  'construction-finish-photo': '施工完成照片',
  'water-on-photo': '通水照片',
  visa: '现场签证',
  'acceptance-form': '验收单',
  'handover-form': '移交单',
  'as-built-drawing': '竣工图',
  settlement: '决算',
  'voice-note': '语音备注',
  video: '视频',
  other: '其他附件',
};

export const kindLabel = (kind: string) => FILE_KIND_LABELS[kind] ?? kind;

const IMAGE_KINDS = ['site-photo', 'construction-start-photo', 'construction-finish-photo', 'water-on-photo'];

/** How a kind is picked on a phone: camera or album, video, voice, or a document. */
export const pickerFor = (kind: string, types: string[] = []): 'image' | 'video' | 'voice' | 'document' => {
  if (kind === 'voice-note') return 'voice';
  if (kind === 'video') return 'video';
  if (IMAGE_KINDS.includes(kind) || (types.length > 0 && types.every((t) => t.startsWith('image/')))) return 'image';
  return 'document';
};

export const formatTime = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
