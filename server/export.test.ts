import { describe, expect, it } from 'vitest';
import { commentsToCsv, csvField } from './export.ts';

describe('CSV export', () => {
  it('quotes every field, doubles quotes and defuses spreadsheet formulas', () => {
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField(null)).toBe('');
  });

  it('writes one header and one line per comment, with RFC 4180 line ends', () => {
    const csv = commentsToCsv([
      {
        id: 7,
        resourceId: null,
        parentId: null,
        status: 'hidden',
        hiddenReason: 'spam',
        sentiment: 'against',
        displayName: null,
        text: 'regel 1\nregel 2',
        location: { lon: 5.1, lat: 52.1, height: 0 },
        agreements: 2,
        createdAt: '2026-06-01T12:00:00.000Z',
      },
    ]);
    expect(csv).toBe(
      'id,resource_id,parent_id,status,hidden,hidden_reason,sentiment,display_name,text,lon,lat,height,agreements,created_at\r\n' +
        '"7",,,"hidden","true","spam","against",,"regel 1\nregel 2","5.1","52.1","0","2","2026-06-01T12:00:00.000Z"\r\n',
    );
  });
});
