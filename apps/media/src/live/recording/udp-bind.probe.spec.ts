import { UdpBindProbe } from './udp-bind.probe';

const UDP = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  354: 0100007F:4E20 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 123 2 0000000000000000 0
  355: 0100007F:4E21 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 124 2 0000000000000000 0
`;
const UDP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
   10: 00000000000000000000000000000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1 2 0 0
`;

describe(UdpBindProbe.name, () => {
  it('reads the local ports of /proc/net/udp and udp6 tables', () => {
    expect([...UdpBindProbe.parse(UDP)]).toEqual([20000, 20001]);
    expect([...UdpBindProbe.parse(UDP6)]).toEqual([53]);
    expect([...UdpBindProbe.parse('')]).toEqual([]);
  });
});
