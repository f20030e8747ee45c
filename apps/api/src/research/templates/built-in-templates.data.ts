import type { Subject } from '@tongke/contracts';
import type { PlanContent, PlanHomeworkItem, ProcessStep } from '@tongke/contracts/research/plan-doc';

/** A built-in starting point for new plans (id `builtin:<key>`). */
export interface BuiltInTemplate {
  id: string;
  name: string;
  /** Absent: the general template, offered for every subject. */
  subject?: Subject;
  content: PlanContent;
}

const step = (n: number, title: string, minutes: number, content: string): ProcessStep => ({
  id: `step-${n}`,
  title,
  minutes,
  content,
});
const homework = (n: number, kind: PlanHomeworkItem['kind'], minutes: number, content: string): PlanHomeworkItem => ({
  id: `hw-${n}`,
  kind,
  minutes,
  content,
});

const REFLECTION =
  '课后填写：目标达成情况（依据课堂检测与作业反馈）、学生参与情况（含远端教室）、' +
  '教学环节与时间分配的得失、需要改进的地方及下一次的调整措施。';

const GENERAL: BuiltInTemplate = {
  id: 'builtin:general',
  name: '通用教案模板',
  content: {
    objectives:
      '1. 知识与技能：学生能够……（写清可观察、可检测的行为）。\n' +
      '2. 过程与方法：通过……活动，经历……过程，学会……方法。\n' +
      '3. 情感态度与价值观：在……中体会……，激发……的兴趣。',
    keyPoints: '教学重点：……（本课最核心的知识或能力）。\n教学难点：……（学生最容易出错或最难理解之处）及突破方法。',
    learnerAnalysis:
      '已有基础：学生已学过……，具备……能力。\n可能困难：……。\n' +
      '同步课堂说明：主讲教室与接收教室学情差异（人数、基础、设备），远端学生的参与安排。',
    process: [
      step(1, '导入新课', 5, '创设情境或复习旧知，提出本课问题，激发学习兴趣。'),
      step(2, '探究新知', 20, '围绕重点设计2～3个学习活动：自主学习—小组合作—展示交流—教师点拨。'),
      step(3, '巩固练习', 10, '分层练习：基础题全体完成，提高题选做；关注远端教室学生的反馈。'),
      step(4, '课堂小结', 5, '学生说收获，教师梳理知识结构，布置作业。'),
    ],
    boardDesign: '课题\n一、……\n二、……\n（左侧知识结构，右侧例题/学生生成）',
    homework: [
      homework(1, 'written', 15, '基础巩固：完成课后练习中的基础题。'),
      homework(2, 'practice', 10, '拓展实践：联系生活完成一个小任务（选做）。'),
    ],
    reflection: REFLECTION,
  },
};

const CHINESE: BuiltInTemplate = {
  id: 'builtin:chinese',
  name: '语文·阅读课教案模板',
  subject: 'chinese',
  content: {
    objectives:
      '1. 认识本课生字，会写要求会写的字，理解重点词语的意思。\n' +
      '2. 正确、流利、有感情地朗读课文，背诵指定段落。\n' +
      '3. 抓住关键词句体会作者表达的情感，学习作者的表达方法。',
    keyPoints:
      '教学重点：有感情地朗读课文，抓关键词句理解内容。\n' +
      '教学难点：体会作者的思想感情，并能在习作中迁移运用表达方法。',
    learnerAnalysis:
      '学生已掌握基本的识字方法和默读要求，能够概括段落大意；' +
      '但对文本深层情感的体会还停留在表面，需要通过朗读和情境创设逐步引导。',
    process: [
      step(1, '情境导入', 5, '出示图片或播放音频，引出课题；学生齐读课题，质疑：读了课题你想知道什么？'),
      step(
        2,
        '初读感知 · 精读品悟',
        20,
        '自读课文，圈画生字词并交流识字方法；默读思考课文主要内容；' +
          '聚焦重点段落，抓关键词句品读，指导有感情朗读（个别读、分角色读、远端教室展示读）。',
      ),
      step(3, '练习运用', 10, '仿写练习：学习课文的表达方法写一两句话；同桌互评，展示佳作。'),
      step(4, '总结拓展', 5, '回顾课文内容与写法，推荐相关课外阅读篇目。'),
    ],
    boardDesign: '课题\n（左）字词：……\n（中）内容脉络：起因 → 经过 → 结果\n（右）表达方法：……',
    homework: [
      homework(1, 'written', 10, '抄写本课生字词，每个两遍，并选两个词语造句。'),
      homework(2, 'oral', 10, '有感情地朗读课文，背诵第二自然段，读给家人听。'),
      homework(3, 'reading', 15, '阅读推荐篇目，摘抄喜欢的句子（选做）。'),
    ],
    reflection: REFLECTION,
  },
};

const MATH: BuiltInTemplate = {
  id: 'builtin:math',
  name: '数学·新授课教案模板',
  subject: 'math',
  content: {
    objectives:
      '1. 理解……的意义，掌握……的计算（或判断）方法。\n' +
      '2. 经历观察、操作、比较、归纳的过程，发展推理能力和模型意识。\n' +
      '3. 感受数学与生活的联系，体验解决问题的乐趣。',
    keyPoints: '教学重点：理解……的算理，掌握方法。\n教学难点：……的推导过程；用所学知识解决实际问题。',
    learnerAnalysis:
      '学生已经学习了……，具备一定的计算能力和动手操作经验；' +
      '抽象概括能力仍在发展中，需借助学具、图示和多媒体直观演示帮助理解。',
    process: [
      step(1, '复习导入', 5, '口算或旧知回顾，引出新问题：生活情境中的数学问题，提出本课探究任务。'),
      step(
        2,
        '探究新知',
        20,
        '学生先独立尝试，再小组合作用学具操作验证；汇报不同方法，比较优化；' +
          '师生共同归纳方法（法则/公式），远端教室学生通过拍照上传展示思路。',
      ),
      step(3, '巩固练习', 10, '基础练习（模仿）—变式练习（辨析易错点）—拓展练习（解决实际问题），及时反馈订正。'),
      step(4, '课堂小结', 5, '这节课学到了什么？用了什么方法？还有什么疑问？'),
    ],
    boardDesign: '课题\n例题：……\n方法归纳：① …… ② ……\n易错提醒：……',
    homework: [
      homework(1, 'written', 15, '完成练习册本课基础练习第1～4题。'),
      homework(2, 'practice', 10, '在生活中找一找本课所学的数学问题，和家人说一说解决方法。'),
    ],
    reflection: REFLECTION,
  },
};

const ENGLISH: BuiltInTemplate = {
  id: 'builtin:english',
  name: '英语·对话课教案模板',
  subject: 'english',
  content: {
    objectives:
      '1. 能听、说、认读本课核心词汇和句型（Words / Sentences）。\n' +
      '2. 能在情境中运用核心句型进行简单的问答和交流。\n' +
      '3. 乐于用英语表达，培养跨文化意识。',
    keyPoints: '教学重点：核心词汇的读音与意义，核心句型的运用。\n教学难点：在真实情境中灵活运用句型进行交流。',
    learnerAnalysis:
      '学生对英语学习兴趣较浓，已掌握部分相关词汇；' + '口语表达的流利度和准确性差异较大，需要充分的示范和分层的操练。',
    process: [
      step(1, 'Warm-up & Lead-in', 5, 'Greetings；唱英文歌或Free talk，复习旧知，引出话题。'),
      step(
        2,
        'Presentation',
        20,
        '借助图片、动画呈现新词汇和句型；听录音、跟读、模仿语音语调；' + '两个教室之间进行 Pair work 问答示范。',
      ),
      step(3, 'Practice', 10, 'Games / Role play：分角色表演对话，小组创编新对话并展示。'),
      step(4, 'Summary & Homework', 5, '师生共同总结本课词汇与句型，布置作业。'),
    ],
    boardDesign: 'Unit … Lesson …\nWords：……\nSentences：— What …? — It’s …\n（配图或简笔画）',
    homework: [
      homework(1, 'oral', 10, '跟读课文录音三遍，模仿语音语调。'),
      homework(2, 'practice', 10, '用本课句型和家人进行一次英语对话。'),
      homework(3, 'written', 10, '抄写核心词汇和句型（三年级及以上）。'),
    ],
    reflection: REFLECTION,
  },
};

const MUSIC: BuiltInTemplate = {
  id: 'builtin:music',
  name: '音乐·唱歌课教案模板',
  subject: 'music',
  content: {
    objectives:
      '1. 能用自然、优美的声音有感情地演唱歌曲。\n' +
      '2. 感受歌曲的情绪与风格，认识本课相关的音乐要素（节拍、节奏、旋律）。\n' +
      '3. 在合作演唱与律动中体验音乐的快乐，培养审美情趣。',
    keyPoints: '教学重点：有感情地演唱歌曲。\n教学难点：准确演唱歌曲中的难点乐句（附点节奏、休止、音程跳进）。',
    learnerAnalysis:
      '学生喜欢唱歌和律动，具备一定的节奏感和识谱基础；' +
      '乡村教学点学生接触乐器较少，需通过同步课堂示范与分组练习帮助其参与。',
    process: [
      step(1, '律动导入', 5, '听音乐做律动，感受歌曲情绪；介绍歌曲背景。'),
      step(2, '学唱歌曲', 20, '完整聆听—节奏练习—模唱旋律—填词演唱；重点突破难点乐句，两个教室轮唱。'),
      step(3, '表现歌曲', 10, '加入打击乐器伴奏或创编动作，小组展示，互相评价。'),
      step(4, '小结拓展', 5, '说说歌曲表达的情感；欣赏同类作品片段。'),
    ],
    boardDesign: '歌曲名\n情绪：……　拍号：……\n难点节奏：X X · X | X — |',
    homework: [homework(1, 'practice', 10, '把学会的歌曲唱给家人听，可以加上自己创编的动作。')],
    reflection: REFLECTION,
  },
};

const ART: BuiltInTemplate = {
  id: 'builtin:art',
  name: '美术·造型表现课教案模板',
  subject: 'art',
  content: {
    objectives:
      '1. 了解……的造型特点和表现方法。\n' +
      '2. 通过观察、比较、尝试，运用线条、色彩、形状进行创作表现。\n' +
      '3. 感受美术与生活的联系，提高审美能力和创新意识。',
    keyPoints: '教学重点：掌握……的表现方法。\n教学难点：大胆表现，作品有个性和创意。',
    learnerAnalysis:
      '学生想象力丰富、表现欲强，已掌握基本的绘画工具使用方法；' +
      '构图和色彩搭配能力有待提高，部分学生不敢下笔，需要范画示范和鼓励。',
    process: [
      step(1, '欣赏导入', 5, '欣赏图片或名家作品，说说发现；揭示课题。'),
      step(2, '探究方法', 10, '分析作品的造型、色彩与构图；教师示范关键步骤（实物投影同步到远端教室）。'),
      step(3, '创作实践', 20, '学生独立或合作创作，教师巡视个别指导，远端助教协助。'),
      step(4, '展示评价', 5, '作品展示，自评、互评、师评；拓展生活中的应用。'),
    ],
    boardDesign: '课题\n方法步骤：① 构思 ② 起稿 ③ 上色 ④ 调整\n评价标准：造型 · 色彩 · 创意',
    homework: [homework(1, 'practice', 15, '用本课方法为家里设计一件小作品（选做）。')],
    reflection: REFLECTION,
  },
};

const SCIENCE: BuiltInTemplate = {
  id: 'builtin:science',
  name: '科学·探究课教案模板',
  subject: 'science',
  content: {
    objectives:
      '1. 科学观念：知道……。\n' +
      '2. 科学思维与探究实践：能提出问题、作出假设，设计并完成对比实验，记录和分析数据。\n' +
      '3. 态度责任：养成实事求是、合作交流的科学态度。',
    keyPoints: '教学重点：通过实验探究认识……。\n教学难点：控制变量设计对比实验，根据证据得出结论。',
    learnerAnalysis:
      '学生对自然现象充满好奇，有初步的观察记录经验；' +
      '设计对比实验、控制变量的意识较弱，实验记录不规范，需要提供记录单和方法支架。',
    process: [
      step(1, '聚焦问题', 5, '出示现象或生活问题，引导学生提出可探究的问题。'),
      step(
        2,
        '探索实验',
        20,
        '作出假设—讨论实验方案（改变的条件、不变的条件）—分组实验并填写记录单；' + '远端教室同步实验，上传数据。',
      ),
      step(3, '研讨交流', 10, '汇总两个教室的数据，分析证据，得出结论，讨论误差原因。'),
      step(4, '拓展小结', 5, '联系生活应用，提出新的问题，布置课后探究。'),
    ],
    boardDesign: '课题\n问题：……？\n假设：……\n实验：改变……　不变……\n结论：……',
    homework: [
      homework(1, 'practice', 15, '课后探究：在家里用简单材料重复实验，记录结果。'),
      homework(2, 'written', 10, '完成活动手册本课记录与思考题。'),
    ],
    reflection: REFLECTION,
  },
};

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [GENERAL, CHINESE, MATH, ENGLISH, MUSIC, ART, SCIENCE];
