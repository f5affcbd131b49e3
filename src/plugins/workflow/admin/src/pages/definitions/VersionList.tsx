import { Box, Button, Typography } from '@strapi/design-system';
import type { Version } from './useDraft';

interface VersionListProps {
  versions: Version[];
  /** The version opened as the draft. */
  current: number | null;
  onOpen: (version: number) => void;
  onEditForm: () => void;
}

/** The process's versions with their orders, newest first, and the way to the application form. */
export const VersionList = ({ versions, current, onOpen, onEditForm }: VersionListProps) => (
  <>
    <Typography variant="sigma">版本</Typography>
    {versions.map((v) => (
      <Box
        key={v.version}
        padding={2}
        marginTop={1}
        hasRadius
        background={v.version === current ? 'primary100' : 'neutral0'}
        style={{ cursor: 'pointer' }}
        onClick={() => onOpen(v.version)}
        data-testid="version"
      >
        <Typography fontWeight="bold">
          第 {v.version} 版{v.source === 'admin' ? '（后台发布）' : ''}
        </Typography>
        <Typography tag="p" variant="pi" data-testid="version-orders">
          工单 {v.orders} 个，在办 {v.openOrders} 个
        </Typography>
      </Box>
    ))}
    <Box marginTop={3}>
      <Button variant="tertiary" onClick={onEditForm} data-testid="edit-form">
        编辑申请表单
      </Button>
    </Box>
  </>
);
