import { Button, Flex, Typography } from '@strapi/design-system';

/** Previous / next with the page number, under a list. */
export const Pager = ({
  page,
  pageCount,
  onChange,
}: {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
}) => (
  <Flex gap={2} marginTop={4} justifyContent="flex-end">
    <Button variant="tertiary" disabled={page <= 1} onClick={() => onChange(page - 1)}>
      上一页
    </Button>
    <Typography>
      第 {page} / {pageCount} 页
    </Typography>
    <Button variant="tertiary" disabled={page >= pageCount} onClick={() => onChange(page + 1)}>
      下一页
    </Button>
  </Flex>
);
