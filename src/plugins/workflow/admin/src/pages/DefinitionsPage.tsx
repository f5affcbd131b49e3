import { Link } from 'react-router-dom';
import { Button, Grid } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { EditorPanel } from './definitions/EditorPanel';
import { GraphPanel } from './definitions/GraphPanel';
import { ProcessTabs } from './definitions/ProcessTabs';
import { PublishNotice } from './definitions/PublishNotice';
import { VersionList } from './definitions/VersionList';
import { useCatalog } from './definitions/useCatalog';
import { useDraft } from './definitions/useDraft';

/** 流程定义: every process and its versions, the graph of a version, and a draft to edit and publish. */
export const DefinitionsPage = () => {
  const { processes, choices, key, setKey } = useCatalog();
  const d = useDraft(key);
  return (
    <Layouts.Root>
      <Layouts.Header
        title="流程定义"
        subtitle="每个流程的各个版本；修改后发布为新版本，在办工单仍按原版本办理"
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Button onClick={d.publish} disabled={!d.dirty} data-testid="publish">
            发布为新版本
          </Button>
        }
      />
      <Layouts.Content>
        <ProcessTabs processes={processes} current={key} onChange={setKey} />
        <PublishNotice notice={d.notice} problems={d.problems} />
        <Grid.Root gap={4}>
          <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
            <VersionList
              versions={d.versions}
              current={d.version}
              onOpen={(v) => d.open(key, v)}
              onEditForm={() => d.setSelection({ kind: 'form' })}
            />
          </Grid.Item>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <GraphPanel
              draft={d.draft}
              dirty={d.dirty}
              problems={d.problems}
              selection={d.selection}
              onSelect={d.setSelection}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <EditorPanel
              draft={d.draft}
              selection={d.selection}
              choices={choices}
              onChange={d.change}
              onSelect={d.setSelection}
            />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
