import { type NoticeCategory, isNoticeCategory } from '../api/reach.ts';
import { hashQuery } from '../routes.ts';

/** The key and the categories of an unsubscribe link, or null when the link is not whole. */
export function unsubscribeLink(hash: string): { key: string; categories: NoticeCategory[] } | null {
  const query = hashQuery(hash);
  const key = query.get('key')?.trim() ?? '';
  const named = (query.get('categories') ?? '').split(',').map((name) => name.trim());
  const categories = named.filter(isNoticeCategory);
  if (key === '' || categories.length === 0 || categories.length !== named.length) return null;
  return { key, categories: [...new Set(categories)] };
}
