import { Link } from 'react-router-dom';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { DeadLetter } from '../../api/messages';

const CHANNELS: Record<string, string> = { sms: '短信', message: '站内消息', wechat: '微信订阅消息' };
const COLUMNS = ['工单', '渠道', '通知', '接收人', '失败原因', '操作'];

/** One notification that could not be sent: its order, channel, text, recipient, error, and 重新发送. */
const DeadLetterRow = ({ letter: d, onRetry }: { letter: DeadLetter; onRetry: (id: number) => void }) => (
  <Tr data-testid="dead-letter">
    <Td>{d.number ? <Link to={`../${d.number}`}>{d.number}</Link> : '—'}</Td>
    <Td>
      <Typography>{CHANNELS[d.channel] ?? d.channel}</Typography>
    </Td>
    <Td>
      <Typography title={d.template}>{d.title}</Typography>
    </Td>
    <Td>
      <Typography>{d.recipient ?? '—'}</Typography>
    </Td>
    <Td>
      <Typography textColor="danger600">
        {d.lastError}（已尝试{d.attempts}次）
      </Typography>
    </Td>
    <Td>
      <Flex>
        <Button size="S" onClick={() => onRetry(d.id)}>
          重新发送
        </Button>
      </Flex>
    </Td>
  </Tr>
);

/** 发送失败的通知: the dead letters, each to send again. */
export const DeadLetters = ({ dead, onRetry }: { dead: DeadLetter[]; onRetry: (id: number) => void }) => (
  <>
    <Typography variant="delta" tag="h2">
      发送失败的通知（{dead.length}）
    </Typography>
    <Box marginTop={2}>
      <Table colCount={COLUMNS.length} rowCount={dead.length + 1}>
        <Thead>
          <Tr>
            {COLUMNS.map((h) => (
              <Th key={h}>
                <Typography variant="sigma">{h}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {dead.map((d) => (
            <DeadLetterRow key={d.id} letter={d} onRetry={onRetry} />
          ))}
        </Tbody>
      </Table>
      {dead.length === 0 ? (
        <Box padding={4}>
          <Typography textColor="neutral600">没有发送失败的通知</Typography>
        </Box>
      ) : null}
    </Box>
  </>
);
