import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { downloadFile, type OrderView } from '../../api/orders';
import { ImagePreview } from '../../components/ImagePreview';
import { saveBlob } from '../../components/saveBlob';

type OrderFile = OrderView['files'][string][number];

const KIND_LABELS: Record<string, string> = {
  'site-photo': '现场照片',
  'plan-sketch': '方案草图',
  plan: '方案',
  drawing: '施工图',
  budget: '预算',
  contract: '合同',
  'signed-contract': '双方签字合同',
  'construction-start-photo': '开工照片',
  'construction-finish-photo': '完工照片',
  'water-on-photo': '通水照片',
  visa: '现场签证',
  'acceptance-form': '验收单',
  'handover-form': '移交单',
  'as-built-drawing': '竣工图',
  settlement: '决算书',
  'voice-note': '语音备注',
  video: '视频',
  other: '其他',
};

/** One version of a file: a preview of an image, its version and name, and its download. */
const FileRow = ({ number, file: f }: { number: string; file: OrderFile }) => (
  <Flex gap={2} marginTop={1}>
    {f.mime?.startsWith('image/') ? <ImagePreview number={number} fileId={f.id} name={f.name} /> : null}
    <Typography>
      v{f.version}
      {f.current ? '（当前）' : ''} {f.name}
    </Typography>
    <Button size="S" variant="tertiary" onClick={async () => saveBlob(await downloadFile(number, f.id), f.name)}>
      下载
    </Button>
  </Flex>
);

/** 附件: the order's files by kind, every version. */
export const OrderFiles = ({ order }: { order: OrderView }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
    <Typography variant="delta" tag="h2">
      附件
    </Typography>
    {Object.entries(order.files).map(([kind, list]) => (
      <Box key={kind} marginTop={2}>
        <Typography fontWeight="bold">{KIND_LABELS[kind] ?? kind}</Typography>
        {list.map((f) => (
          <FileRow key={f.id} number={order.number} file={f} />
        ))}
      </Box>
    ))}
  </Box>
);
