import type { ApiClient } from './api-client.ts';

/** Whose house rules: a series' (followed in all its session rooms) or a room's outside any series. */
export type RulesOwner = 'SERIES' | 'ROOM';

/** A series' or room's house rules as their editors see them. */
export type HouseRulesView = {
  owner: RulesOwner;
  id: string;
  /** Its own rules by language; null when it follows its template's. */
  own: Readonly<Record<string, string>> | null;
  /** The template's rules it follows otherwise. */
  template: Readonly<Record<string, string>>;
  templateId: string | null;
  version: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
};

function path(owner: RulesOwner, id: string): string {
  return `/api/${owner === 'SERIES' ? 'series' : 'rooms'}/${encodeURIComponent(id)}/house-rules`;
}

export function fetchHouseRules(api: ApiClient, owner: RulesOwner, id: string): Promise<HouseRulesView> {
  return api.get<HouseRulesView>(path(owner, id));
}

/** `fi` is required; an empty `sv` or `en` is left out. */
export function saveHouseRules(api: ApiClient, owner: RulesOwner, id: string, houseRules: Record<string, string>): Promise<HouseRulesView> {
  return api.put<HouseRulesView>(path(owner, id), { houseRules });
}

/** Removes the own rules: the template's apply again. */
export function resetHouseRules(api: ApiClient, owner: RulesOwner, id: string): Promise<HouseRulesView> {
  return api.request<HouseRulesView>('DELETE', path(owner, id));
}
