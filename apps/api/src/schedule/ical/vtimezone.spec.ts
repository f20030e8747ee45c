import { vtimezone } from './vtimezone';

describe(vtimezone.name, () => {
  it('describes a zone without daylight saving with one standard observance', () => {
    expect(vtimezone('Asia/Shanghai', 2030, 2031)?.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'BEGIN:STANDARD',
      'DTSTART:20300101T080000',
      'TZOFFSETFROM:+0800',
      'TZOFFSETTO:+0800',
      'TZNAME:GMT+8',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('lists each change of a daylight-saving zone at its local time', () => {
    const lines = vtimezone('Europe/Berlin', 2030, 2030)?.split('\r\n') ?? [];
    expect(lines.filter((l) => /^(BEGIN:(DAYLIGHT|STANDARD)|DTSTART|TZOFFSET)/.test(l))).toEqual([
      'BEGIN:DAYLIGHT',
      'DTSTART:20300331T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'BEGIN:STANDARD',
      'DTSTART:20301027T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
    ]);
  });

  it('knows no made-up zones', () => {
    expect(vtimezone('Mars/Olympus_Mons', 2030, 2030)).toBeNull();
  });
});
