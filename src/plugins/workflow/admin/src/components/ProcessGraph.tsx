import { useMemo } from 'react';
import {
  ReactFlow,
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { buildGraph } from './processGraph';

const ROLE_NAMES: Record<string, string> = {
  'window-clerk': '窗口',
  'technical-head': '技术负责人',
  surveyor: '勘察',
  designer: '设计',
  'contract-approver': '合同',
  finance: '财务',
  leader: '领导',
  'construction-crew': '施工',
  'acceptance-staff': '验收',
  'department-admin': '部门管理员',
  applicant: '申请人',
  system: '系统',
};

type StepData = {
  label: string;
  meta: Record<string, any>;
  final: boolean;
  errors: string[];
  selected: boolean;
  start: boolean;
};

/** A step: its name, who acts, its threshold; red with its problems when the engine refused the draft. */
const StepNode = ({ data }: NodeProps<Node<StepData>>) => (
  <div
    data-testid="graph-step"
    data-errors={data.errors.length ? 'true' : 'false'}
    style={{
      width: 180,
      minHeight: 64,
      padding: '6px 8px',
      borderRadius: data.final ? 32 : 6,
      fontSize: 12,
      background: '#fff',
      border: `2px solid ${data.errors.length ? '#d02b20' : data.selected ? '#4945ff' : data.start ? '#328048' : '#c0c0cf'}`,
    }}
  >
    <Handle type="target" position={Position.Top} />
    <div style={{ fontWeight: 600 }}>{data.label}</div>
    {data.meta.roles?.length ? (
      <div style={{ color: '#666' }}>{data.meta.roles.map((r: string) => ROLE_NAMES[r] ?? r).join('、')}</div>
    ) : null}
    {data.meta.thresholdHours ? (
      <div style={{ color: '#666' }} data-testid="graph-threshold">
        时限 {data.meta.thresholdHours}
        {data.meta.thresholdUnit === 'working' ? '工作小时' : '小时'}
      </div>
    ) : null}
    {data.errors.map((e) => (
      <div key={e} style={{ color: '#d02b20' }}>
        {e}
      </div>
    ))}
    <Handle type="source" position={Position.Bottom} />
  </div>
);

const GroupNode = ({ data }: NodeProps<Node<{ label: string; parallel: boolean }>>) => (
  <div
    data-testid="graph-group"
    style={{
      width: '100%',
      height: '100%',
      border: '1px dashed #8e8ea9',
      borderRadius: 8,
      background: 'rgba(240,240,255,0.35)',
    }}
  >
    <div style={{ fontSize: 11, color: '#666', padding: 4 }}>
      {data.label}
      {data.parallel ? '（并行）' : ''}
    </div>
  </div>
);

const nodeTypes = { step: StepNode, group: GroupNode };

export const ProcessGraph = ({
  machine,
  errorsByStep,
  selected,
  onSelectStep,
  onSelectEdge,
}: {
  machine: any;
  errorsByStep: Record<string, string[]>;
  selected: string | null;
  onSelectStep: (key: string) => void;
  onSelectEdge: (id: string) => void;
}) => {
  const { nodes, edges } = useMemo(() => {
    const graph = buildGraph(machine);
    return {
      nodes: graph.nodes.map<Node>((n) => ({
        id: n.id,
        type: n.kind,
        position: { x: n.x, y: n.y },
        draggable: false,
        zIndex: n.kind === 'group' ? 0 : 1,
        style: n.kind === 'group' ? { width: n.width, height: n.height } : undefined,
        data:
          n.kind === 'group'
            ? { label: n.meta.label ?? n.id, parallel: n.parallel }
            : {
                label: n.label,
                meta: n.meta,
                final: n.final,
                errors: errorsByStep[n.id] ?? [],
                selected: selected === n.id,
                start: n.id === graph.initial,
              },
      })),
      edges: graph.edges.map<Edge>((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        animated: e.automatic,
        markerEnd: { type: MarkerType.ArrowClosed },
        style: { stroke: selected === e.id ? '#4945ff' : '#8e8ea9', strokeWidth: selected === e.id ? 2 : 1 },
        labelStyle: { fontSize: 10 },
        zIndex: 2,
      })),
    };
  }, [machine, errorsByStep, selected]);

  return (
    <div
      style={{ width: '100%', height: 720, background: '#fafafc', border: '1px solid #eaeaef', borderRadius: 4 }}
      data-testid="process-graph"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        minZoom={0.1}
        nodesConnectable={false}
        onNodeClick={(_, node) => node.type === 'step' && onSelectStep(node.id)}
        onEdgeClick={(_, edge) => onSelectEdge(edge.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
};
