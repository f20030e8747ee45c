import type { ResourceMetadata } from '@tongke/contracts';
import { Types } from 'mongoose';

// Demo videos of the library (名师微课, 拓展课程), generated with ffmpeg at first start and sent
// through the real processing pipeline. Titles follow the lessons the seed reports describe.

const id = (n: number) => new Types.ObjectId(`74e9c0000000000000${n.toString(16).padStart(6, '0')}`);

export interface DemoLibraryVideo {
  _id: Types.ObjectId;
  metadata: ResourceMetadata;
  /** The teacher it is credited to (a demo user id). */
  teacherId: Types.ObjectId;
  /** Tone of the generated sound track (Hz), so the clips differ. */
  toneHz: number;
}

/** 李静 (music), 陈晓 (art), 赵敏 (English) of the urban lead school. */
const MUSIC_LI = id(301);
const ENGLISH_ZHAO = id(302);
const ART_CHEN = id(303);

export const DEMO_LIBRARY_VIDEOS: DemoLibraryVideo[] = [
  {
    _id: id(900),
    teacherId: MUSIC_LI,
    toneHz: 392,
    metadata: {
      title: '四年级音乐《草原放牧》',
      description: '名师微课：聆听琵琶协奏曲片段，感受草原的辽阔，学唱主题旋律。',
      subject: 'music',
      grade: 4,
      textbookEdition: '人音版',
      chapter: '第三单元 草原放牧',
      tags: ['名师微课', '欣赏课'],
      visibility: 'district',
    },
  },
  {
    _id: id(901),
    teacherId: MUSIC_LI,
    toneHz: 440,
    metadata: {
      title: '四年级音乐《茉莉花》',
      description: '学唱江苏民歌《茉莉花》，比较不同地区的版本。',
      subject: 'music',
      grade: 4,
      textbookEdition: '人音版',
      chapter: '第五单元 茉莉花',
      tags: ['名师微课', '民歌'],
      visibility: 'community',
    },
  },
  {
    _id: id(902),
    teacherId: ART_CHEN,
    toneHz: 523,
    metadata: {
      title: '二年级美术《线条的魅力》',
      description: '拓展课程：用不同的线条表现情绪，适合乡村学校美术课使用。',
      subject: 'art',
      grade: 2,
      textbookEdition: '人美版',
      chapter: '第一课 线条的魅力',
      tags: ['拓展课程'],
      visibility: 'public',
    },
  },
  {
    _id: id(903),
    teacherId: ENGLISH_ZHAO,
    toneHz: 330,
    metadata: {
      title: '五年级英语 Unit 3 My weekend plan',
      description: 'Listening and speaking: talking about weekend plans with "be going to".',
      subject: 'english',
      grade: 5,
      textbookEdition: '人教PEP版',
      chapter: 'Unit 3 My weekend plan',
      tags: ['名师微课', 'speaking'],
      visibility: 'community',
    },
  },
  {
    // The second teaching of 《草原放牧》 after the research group's 课后返研 (一课双研, 同课异构 demo).
    _id: id(904),
    teacherId: MUSIC_LI,
    toneHz: 349,
    metadata: {
      title: '四年级音乐《草原放牧》（改进稿·第二次执教）',
      description: '一课双研第二次执教：加入乡村教室的轮唱与马头琴音色辨认，压缩讲授时间。',
      subject: 'music',
      grade: 4,
      textbookEdition: '人音版',
      chapter: '第三单元 草原放牧',
      tags: ['一课双研', '欣赏课'],
      visibility: 'community',
    },
  },
];

/** Length of each generated clip. */
export const DEMO_CLIP_S = 20;
