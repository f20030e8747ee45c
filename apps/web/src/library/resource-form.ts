import type { ResourceView, UpdateResourceRequest } from '@tongke/contracts';
import {
  LIBRARY_LIMITS,
  RESOURCE_VISIBILITIES,
  UPLOAD_FILENAME_PATTERN,
  type ResourceVisibility,
} from '@tongke/contracts/library/resource-values';
import { GRADES, SUBJECTS, type Subject } from '@tongke/contracts/org';

// The metadata form of an upload and of the resource editor, checked in the browser the way
// the contract's schemas (resourceMetadataSchema, uploadMetadataSchema) check it on the server.

export interface ResourceForm {
  title: string;
  description: string;
  subject: Subject | '';
  grade: number | '';
  textbookEdition: string;
  chapter: string;
  /** Comma-separated (，or ,), as typed. */
  tags: string;
  visibility: ResourceVisibility;
}

export interface UploadForm extends ResourceForm {
  /** Add the new resource to this series ('' for none). */
  seriesId: string;
}

export type FormField = keyof UploadForm | 'file';

/** One problem: the field, the message key under `library.problems`, its values. */
export interface FormProblem {
  field: FormField;
  key: string;
  values?: Record<string, unknown>;
}

/** The file facts checked before sending (a File fits). */
export interface PickedFile {
  name: string;
  size: number;
  type: string;
}

const L = LIBRARY_LIMITS;
const ID = /^[0-9a-f]{24}$/;

export function emptyForm(): UploadForm {
  return {
    title: '',
    description: '',
    subject: '',
    grade: '',
    textbookEdition: '',
    chapter: '',
    tags: '',
    visibility: 'community',
    seriesId: '',
  };
}

export function formFromResource(r: ResourceView): ResourceForm {
  return {
    title: r.title,
    description: r.description,
    subject: r.subject,
    grade: r.grade,
    textbookEdition: r.textbookEdition ?? '',
    chapter: r.chapter ?? '',
    tags: r.tags.join('，'),
    visibility: r.visibility,
  };
}

/** Tags as the server reads them: split on , or ，, trimmed, empty and repeated ones dropped. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

function tooLong(field: FormField, value: string, max: number): FormProblem[] {
  return value.trim().length > max ? [{ field, key: 'tooLong', values: { max } }] : [];
}

function tagProblems(text: string): FormProblem[] {
  const tags = parseTags(text);
  if (text.length > L.tagsMax * (L.tagMax + 1) || tags.length > L.tagsMax) {
    return [{ field: 'tags', key: 'tooManyTags', values: { max: L.tagsMax } }];
  }
  const long = tags.find((t) => t.length > L.tagMax);
  return long ? [{ field: 'tags', key: 'tagTooLong', values: { tag: long, max: L.tagMax } }] : [];
}

/** Problems of the metadata every resource carries (empty: the server will accept it). */
export function metadataProblems(form: ResourceForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.title.trim()) problems.push({ field: 'title', key: 'titleRequired' });
  problems.push(...tooLong('title', form.title, L.titleMax));
  problems.push(...tooLong('description', form.description, L.descriptionMax));
  if (!(SUBJECTS as readonly string[]).includes(form.subject)) problems.push({ field: 'subject', key: 'subject' });
  if (!(GRADES as readonly unknown[]).includes(form.grade)) problems.push({ field: 'grade', key: 'grade' });
  problems.push(...tooLong('textbookEdition', form.textbookEdition, L.textbookEditionMax));
  problems.push(...tooLong('chapter', form.chapter, L.chapterMax));
  problems.push(...tagProblems(form.tags));
  if (!(RESOURCE_VISIBILITIES as readonly string[]).includes(form.visibility)) {
    problems.push({ field: 'visibility', key: 'visibility' });
  }
  return problems;
}

/** The file name check of uploadMetadataSchema, with the reason spelled out. */
export function fileNameProblem(name: string): string | undefined {
  if (!name) return 'fileMissing';
  if (/[/\\]/.test(name)) return 'filePath';
  if (name.includes('..')) return 'fileDots';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f]/.test(name)) return 'fileControl';
  if (name.length > L.filenameMax) return 'fileNameTooLong';
  if (!UPLOAD_FILENAME_PATTERN.test(name)) return 'fileExtension';
  return undefined;
}

/** Problems of the picked file: its name, that it is a video, not empty, not over the server's limit. */
export function fileProblems(file: PickedFile | null, maxBytes?: number): FormProblem[] {
  if (!file) return [{ field: 'file', key: 'fileMissing' }];
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) return [{ field: 'file', key: nameProblem, values: { max: L.filenameMax } }];
  // MPEG-TS (.ts) is sometimes typed as source code by the OS; the server probes the content anyway.
  if (/^(image|audio|text|font)\//.test(file.type) && !/\.ts$/i.test(file.name)) {
    return [{ field: 'file', key: 'fileNotVideo' }];
  }
  if (file.size === 0) return [{ field: 'file', key: 'fileEmpty' }];
  if (maxBytes && file.size > maxBytes) return [{ field: 'file', key: 'fileTooLarge', values: { maxBytes } }];
  return [];
}

/** All problems of an upload (series id too). */
export function uploadProblems(form: UploadForm, file: PickedFile | null, maxBytes?: number): FormProblem[] {
  const problems = [...fileProblems(file, maxBytes), ...metadataProblems(form)];
  if (form.seriesId && !ID.test(form.seriesId)) problems.push({ field: 'seriesId', key: 'series' });
  return problems;
}

/** tus `Upload-Metadata` (uploadMetadataSchema's keys; empty optional values left out). */
export function uploadMetadata(form: UploadForm, file: PickedFile): Record<string, string> {
  const meta: Record<string, string> = {
    filename: file.name,
    title: form.title.trim(),
    subject: form.subject,
    grade: String(form.grade),
    visibility: form.visibility,
  };
  // An empty value would travel as a bare key (parsed as null, not ''): leave empties out.
  const optional: Record<string, string> = {
    description: form.description.trim(),
    filetype: file.type.slice(0, 100),
    textbookEdition: form.textbookEdition.trim(),
    chapter: form.chapter.trim(),
    tags: parseTags(form.tags).join(','),
    seriesId: form.seriesId,
  };
  for (const [key, value] of Object.entries(optional)) if (value) meta[key] = value;
  return meta;
}

/** PATCH body of the resource editor (clearing edition or chapter sends ''). */
export function updateRequest(form: ResourceForm): UpdateResourceRequest {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    subject: form.subject as Subject,
    grade: Number(form.grade),
    textbookEdition: form.textbookEdition.trim(),
    chapter: form.chapter.trim(),
    tags: parseTags(form.tags),
    visibility: form.visibility,
  };
}

/** The problems of one field (for showing them beside it). */
export function problemsOf(problems: FormProblem[], field: FormField): FormProblem[] {
  return problems.filter((p) => p.field === field);
}
