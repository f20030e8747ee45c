import type { EvaluationMode, GroupKind, GroupRole } from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import { Types } from 'mongoose';

// The demo research studio (名师课堂), after Shangcheng's weekly 一课双研: 李静's music studio
// co-plans 《草原放牧》, she teaches it twice through the platform (the demo library videos 900 and
// 904 are the recordings), three colleagues evaluate it, and an online meeting (网络教研) for the
// next unit is planned.

const id = (n: number) => new Types.ObjectId(`74e9c0000000000000${n.toString(16).padStart(6, '0')}`);

const ADMIN = id(300);
const MUSIC_LI = id(301);
const ENGLISH_ZHAO = id(302);
const RESEARCH_SUN = id(305);

export const DEMO_RESEARCH_GROUP = {
  _id: id(1000),
  kind: 'studio' as GroupKind,
  name: '李静音乐名师工作室',
  description: '城乡同步音乐课的集体备课与“一课双研”：课前导研、同步授课、课后返研。',
  subject: 'music' as const,
  grades: [3, 4, 5, 6],
  leadId: MUSIC_LI,
  members: [
    { userId: MUSIC_LI, role: 'lead' as GroupRole },
    { userId: ENGLISH_ZHAO, role: 'member' as GroupRole },
    { userId: RESEARCH_SUN, role: 'observer' as GroupRole },
  ],
  mentorship: { _id: id(1001), mentorId: MUSIC_LI, menteeId: ENGLISH_ZHAO, note: '跨学科结对：音乐律动融入英语课堂' },
};

const FIRST_DRAFT: PlanContent = {
  objectives:
    '1. 聆听琵琶协奏曲《草原小姐妹》片段《草原放牧》，感受音乐描绘的辽阔草原与放牧情景。\n' +
    '2. 能听辨主题旋律，用轻声哼唱、律动表现音乐情绪。\n' +
    '3. 通过城乡两个教室的合作聆听与表达，体会少年英雄的勇敢与快乐。',
  keyPoints: '教学重点：听辨并哼唱主题旋律，感受音乐情绪。\n教学难点：体会乐曲速度与力度变化所表现的情景变化。',
  learnerAnalysis:
    '四年级学生已有一定的音乐欣赏经验；城区学生熟悉琵琶音色，汤河乡教学点学生接触民族乐器较少，' +
    '需借助图片与同步课堂示范，并由助教组织分组律动。',
  process: [
    { id: 'p1', title: '情境导入', minutes: 5, content: '播放草原风光视频，两地学生说说对草原的印象。' },
    { id: 'p2', title: '初听感受', minutes: 8, content: '完整聆听片段，说出音乐情绪；认识琵琶音色。' },
    { id: 'p3', title: '主题学唱', minutes: 15, content: '分句哼唱主题旋律，城乡教室轮唱；乡村教室示范律动。' },
    { id: 'p4', title: '复听表现', minutes: 8, content: '随音乐变化做放牧动作，比较速度与力度的变化。' },
    { id: 'p5', title: '小结拓展', minutes: 4, content: '讲述草原英雄小姐妹的故事，推荐课后聆听全曲。' },
  ],
  boardDesign: '草原放牧\n主题旋律：5 6 | 1. 6 | 5 — |\n情绪：欢快 → 紧张 → 勇敢',
  homework: [
    { id: 'h1', kind: 'practice', minutes: 10, content: '把主题旋律哼唱给家人听，并讲一讲草原小姐妹的故事。' },
  ],
  reflection: '',
};

const SECOND_DRAFT: PlanContent = {
  ...FIRST_DRAFT,
  process: [
    { id: 'p1', title: '情境导入', minutes: 4, content: '马头琴与琵琶音色对比听辨，乡村教室先回答。' },
    { id: 'p2', title: '初听感受', minutes: 8, content: '完整聆听片段，两地学生用一个词形容音乐情绪。' },
    { id: 'p3', title: '主题学唱', minutes: 16, content: '乡村教室领唱、城区教室接唱，轮唱主题旋律。' },
    { id: 'p4', title: '复听表现', minutes: 8, content: '分组创编放牧动作，助教组织乡村教室展示。' },
    { id: 'p5', title: '小结拓展', minutes: 4, content: '回顾音乐情绪变化，推荐聆听全曲。' },
  ],
  reflection: '压缩讲授时间后，乡村教室的发言次数从 3 次增加到 9 次；轮唱环节需提前统一音高。',
};

export const DEMO_RESEARCH_PLANS = [
  { _id: id(1010), title: '《草原放牧》教学设计（第一稿）', authorId: MUSIC_LI, content: FIRST_DRAFT },
  { _id: id(1011), title: '《草原放牧》教学设计（改进稿）', authorId: MUSIC_LI, content: SECOND_DRAFT },
];

/** The two taught lessons, recorded as the demo library videos 900 and 904 (days before the seed). */
export const DEMO_RESEARCH_SESSIONS = [
  { _id: id(1020), title: '一课双研《草原放牧》第一次执教', daysAgo: 9, resourceId: id(900) },
  { _id: id(1021), title: '一课双研《草原放牧》第二次执教', daysAgo: 2, resourceId: id(904) },
];

export interface DemoEvaluation {
  observerId: Types.ObjectId;
  mode: EvaluationMode;
  /** One score per item of the built-in rubric, in its order (each 0..10). */
  scores: number[];
  summary: string;
}

export interface DemoActivity {
  _id: Types.ObjectId;
  title: string;
  planIndex: number;
  sessionIndex: number;
  reflection?: string;
  evaluations: DemoEvaluation[];
  comments: { atS: number; authorId: Types.ObjectId; text: string }[];
}

export const DEMO_RESEARCH_ACTIVITIES: DemoActivity[] = [
  {
    _id: id(1030),
    title: '一课双研：《草原放牧》第一次执教',
    planIndex: 0,
    sessionIndex: 0,
    reflection: '乡村教室参与不足：讲授偏多，轮唱前没有统一音高。改进稿压缩讲授、增加乡村教室领唱。',
    evaluations: [
      {
        observerId: RESEARCH_SUN,
        mode: 'recording',
        scores: [8, 7, 9, 8, 8, 7, 8, 6, 6, 7, 9, 8],
        summary: '目标清晰，琵琶音色讲解准确；乡村教室参与偏少。',
      },
      {
        observerId: ENGLISH_ZHAO,
        mode: 'live',
        scores: [9, 8, 9, 9, 8, 8, 9, 7, 7, 8, 9, 8],
        summary: '轮唱设计好，建议提前统一音高。',
      },
      {
        observerId: ADMIN,
        mode: 'recording',
        scores: [8, 8, 8, 7, 7, 8, 8, 6, 6, 7, 8, 9],
        summary: '同步课堂运用熟练，互动环节可再增加。',
      },
    ],
    comments: [
      { atS: 4, authorId: RESEARCH_SUN, text: '导入视频很吸引学生，乡村教室反应热烈。' },
      { atS: 12, authorId: ENGLISH_ZHAO, text: '轮唱起音不齐，可先给出标准音。' },
    ],
  },
  {
    _id: id(1031),
    title: '一课双研：《草原放牧》第二次执教（改进稿）',
    planIndex: 1,
    sessionIndex: 1,
    evaluations: [
      {
        observerId: RESEARCH_SUN,
        mode: 'recording',
        scores: [9, 9, 9, 8, 9, 9, 9, 9, 9, 8, 9, 9],
        summary: '改进明显：乡村教室领唱效果好，课堂节奏紧凑。',
      },
      {
        observerId: ENGLISH_ZHAO,
        mode: 'recording',
        scores: [9, 8, 9, 9, 8, 9, 9, 9, 8, 8, 9, 8],
        summary: '马头琴音色对比导入很好。',
      },
    ],
    comments: [{ atS: 6, authorId: RESEARCH_SUN, text: '乡村教室领唱，声音洪亮。' }],
  },
];

/** 网络教研 for the next unit, a week after the seed. */
export const DEMO_RESEARCH_MEETING = {
  _id: id(1032),
  title: '网络教研：第四单元《让我们荡起双桨》集体备课',
  inDays: 7,
};
