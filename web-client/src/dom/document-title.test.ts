import { describe, expect, it } from 'vitest';
import { DocumentTitle } from './document-title.ts';

function fakeDocument(): Document {
  return { title: '', body: { hidden: false } } as unknown as Document;
}

describe('the tab title', () => {
  it('names the screen first, then the service', () => {
    const document = fakeDocument();
    const title = new DocumentTitle(document);
    title.service = 'Tukipiiri';
    expect(document.title).toBe('Tukipiiri');
    title.screen = '  Iltachatti ';
    expect(document.title).toBe('Iltachatti – Tukipiiri');
    title.screen = '';
    expect(document.title).toBe('Tukipiiri');
  });

  it('puts what waits for attention in front, and drops it at zero', () => {
    const document = fakeDocument();
    const title = new DocumentTitle(document);
    title.service = 'Tukipiiri';
    title.screen = 'Iltachatti';
    title.attention = 2;
    expect(document.title).toBe('(2) Iltachatti – Tukipiiri');
    title.attention = 0;
    expect(document.title).toBe('Iltachatti – Tukipiiri');
  });

  it('leaves the title alone once the page is hidden by the quick exit', () => {
    const document = fakeDocument();
    const title = new DocumentTitle(document);
    title.service = 'Tukipiiri';
    (document.body as { hidden: boolean }).hidden = true;
    document.title = '';
    title.screen = 'Iltachatti';
    expect(document.title).toBe('');
  });
});
