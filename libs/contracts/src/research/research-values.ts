// Zod-free values of the teaching-research area (名师课堂), importable by the web bundle.

/** A member's part in a research group or master-teacher studio. */
export const GROUP_ROLES = ['lead', 'member', 'observer'] as const;
/** lead: 主持人 (runs the group); member: 成员 (co-plans, teaches, evaluates); observer: 观察员 (reads and evaluates, never edits plans). */
export type GroupRole = (typeof GROUP_ROLES)[number];

/** 名师工作室 (a master teacher's studio) or 教研组 (a subject research group). */
export const GROUP_KINDS = ['studio', 'group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The plain-text sections of a lesson plan (each a Y.Text of the same name in the plan's Yjs document). */
export const PLAN_TEXT_SECTIONS = ['objectives', 'keyPoints', 'learnerAnalysis', 'boardDesign', 'reflection'] as const;
export type PlanTextSection = (typeof PLAN_TEXT_SECTIONS)[number];

/** Every section of a lesson plan in the order it is shown and exported. */
export const PLAN_SECTIONS = [
  'objectives',
  'keyPoints',
  'learnerAnalysis',
  'process',
  'boardDesign',
  'homework',
  'reflection',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const PLAN_SECTION_NAMES_ZH: Record<PlanSection, string> = {
  objectives: '教学目标',
  keyPoints: '教学重难点',
  learnerAnalysis: '学情分析',
  process: '教学过程',
  boardDesign: '板书设计',
  homework: '作业设计',
  reflection: '教学反思',
};

/** 书面 (written) homework is what the national rules limit; the others are not counted. */
export const HOMEWORK_KINDS = ['written', 'oral', 'practice', 'reading'] as const;
export type HomeworkKind = (typeof HOMEWORK_KINDS)[number];

/**
 * A research activity:
 * - `lesson-study`: 一课双研 — co-plan (课前导研), teach through the platform with observers,
 *   evaluate, reflect (课后返研);
 * - `meeting`: 网络教研 — an online multi-party meeting of the group (all members publish).
 */
export const ACTIVITY_KINDS = ['lesson-study', 'meeting'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The stages of 一课双研, in order, shown as the activity's timeline. */
export const ACTIVITY_STAGES = ['plan', 'teach', 'record', 'observe', 'reflect'] as const;
export type ActivityStage = (typeof ACTIVITY_STAGES)[number];
export type ActivityStageStatus = 'pending' | 'active' | 'done';

/** Whether an observer scores during the live lesson or afterwards from the recording. */
export const EVALUATION_MODES = ['live', 'recording'] as const;
export type EvaluationMode = (typeof EVALUATION_MODES)[number];

/** The /collab socket.io namespace (Yjs co-editing of lesson plans) on the API. */
export const COLLAB_NAMESPACE = '/collab';

export const COLLAB_LIMITS = {
  /** Largest single sync/awareness message a client may send (bytes). */
  messageMaxBytes: 256 * 1024,
  /** Largest encoded document state (bytes); updates that would grow it beyond are refused. */
  docMaxBytes: 2 * 1024 * 1024,
  /** Stored incremental updates of one document before they are compacted into a snapshot. */
  compactAfterUpdates: 200,
  /** Documents kept in an API process's memory after their last editor left (ms). */
  idleUnloadMs: 30_000,
} as const;

export const RESEARCH_LIMITS = {
  nameMax: 60,
  descriptionMax: 2000,
  titleMax: 100,
  topicMax: 100,
  membersMax: 200,
  commentMax: 2000,
  quoteMax: 500,
  versionNameMax: 60,
  reflectionMax: 20_000,
  rubricDimensionsMax: 12,
  rubricItemsMax: 12,
  compareMin: 2,
  compareMax: 4,
  /** A timestamped comment's second into the lesson: at most 8 hours. */
  atSMax: 8 * 3600,
} as const;

export interface RubricItemDef {
  key: string;
  name: string;
  description?: string;
  /** Score range of the item: minScore..maxScore (inclusive). */
  minScore: number;
  maxScore: number;
}

export interface RubricDimensionDef {
  key: string;
  name: string;
  /** Percentage weight; a rubric's weights sum to 100. */
  weight: number;
  items: RubricItemDef[];
}

const item = (key: string, name: string, description: string, maxScore = 10): RubricItemDef => ({
  key,
  name,
  description,
  minScore: 0,
  maxScore,
});

/**
 * 课堂教学评价表 — the built-in rubric, after the dimensions most provincial classroom-teaching
 * evaluation forms share (objectives, content, method, process, learning, teacher quality).
 */
export const DEFAULT_RUBRIC: { name: string; dimensions: RubricDimensionDef[] } = {
  name: '课堂教学评价表（通用）',
  dimensions: [
    {
      key: 'goals',
      name: '教学目标',
      weight: 15,
      items: [
        item('goals-clear', '目标明确具体', '符合课程标准与学情，可检测'),
        item('goals-met', '目标达成度', '大多数学生达成预期目标'),
      ],
    },
    {
      key: 'content',
      name: '教学内容',
      weight: 20,
      items: [
        item('content-accurate', '内容科学准确', '知识讲解准确，无科学性错误'),
        item('content-focus', '重难点突出', '重点突出、难点突破有方法'),
      ],
    },
    {
      key: 'method',
      name: '教学方法',
      weight: 20,
      items: [
        item('method-fit', '方法得当', '启发式、探究式，因材施教'),
        item('method-tech', '信息技术融合', '合理运用信息技术与数字资源'),
      ],
    },
    {
      key: 'process',
      name: '教学过程',
      weight: 20,
      items: [
        item('process-structure', '结构合理', '环节清晰、时间分配合理'),
        item('process-interaction', '互动有效', '主讲与远端课堂互动充分'),
      ],
    },
    {
      key: 'learning',
      name: '学生学习',
      weight: 15,
      items: [
        item('learning-engaged', '参与度', '学生（含远端教室）积极参与'),
        item('learning-thinking', '思维发展', '学生思维活跃、表达充分'),
      ],
    },
    {
      key: 'teacher',
      name: '教师素养',
      weight: 10,
      items: [
        item('teacher-language', '语言与板书', '语言规范、板书工整'),
        item('teacher-control', '课堂调控', '应变与调控能力强'),
      ],
    },
  ],
};
