import { Box, Td, Tr, Typography } from '@strapi/design-system';
import type { AuditEntry } from '../../api/audit';
import { time } from './format';

const ACTION_COLORS: Record<string, string> = { create: 'success600', update: 'primary600', delete: 'danger600' };

/** Who made the change: the administrator's name and e-mail, or 系统 for what the system did by itself. */
const Person = ({ actor }: { actor: AuditEntry['actor'] }) =>
  actor.kind === 'system' ? (
    <Typography textColor="neutral600">系统</Typography>
  ) : (
    <Box>
      <Typography tag="p">{actor.name || actor.email}</Typography>
      {actor.email && actor.name ? (
        <Typography variant="pi" textColor="neutral600">
          {actor.email}
        </Typography>
      ) : null}
    </Box>
  );

/** The changes field by field: 字段：原值 → 新值 (a creation lists the new values, a deletion the old ones). */
const Changes = ({ entry }: { entry: AuditEntry }) => {
  if (!entry.changes.length) return <Typography textColor="neutral600">无字段变化</Typography>;
  return (
    <Box>
      {entry.changes.map((c) => (
        <Typography key={c.field} tag="p" variant="pi" style={{ wordBreak: 'break-all' }}>
          <b>{c.field}</b>：
          {entry.action === 'update' ? (
            <>
              <s style={{ color: '#b72b1a' }}>{c.before}</s> → <span style={{ color: '#2f6846' }}>{c.after}</span>
            </>
          ) : (
            c.after || c.before
          )}
        </Typography>
      ))}
    </Box>
  );
};

/** One entry: when, who, what kind of record, the action, the record and its changes. */
export const AuditRow = ({ entry: e }: { entry: AuditEntry }) => (
  <Tr data-testid="audit-row" style={{ verticalAlign: 'top' }}>
    <Td>
      <Typography>{time(e.at)}</Typography>
    </Td>
    <Td>
      <Person actor={e.actor} />
    </Td>
    <Td>
      <Typography>{e.kindLabel}</Typography>
    </Td>
    <Td>
      <Typography textColor={ACTION_COLORS[e.action]} fontWeight="bold">
        {e.actionLabel}
      </Typography>
    </Td>
    <Td>
      <Typography>{e.record.label}</Typography>
    </Td>
    <Td style={{ whiteSpace: 'normal', maxWidth: 560 }}>
      <Changes entry={e} />
    </Td>
  </Tr>
);
