package org.colony.io.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which client addresses count as public, the rule that picks a forwarded-for chain's client. */
class ClientAddressesTest {

  @ParameterizedTest
  @CsvSource({
      // address, IP literal, public
      "8.8.8.8, true, true",
      "0.0.0.0, true, false",
      "10.255.255.255, true, false",
      "11.0.0.1, true, true",
      "127.0.0.1, true, false",
      "169.254.10.1, true, false",
      "169.253.10.1, true, true",
      "172.15.255.255, true, true",
      "172.16.0.1, true, false",
      "172.31.255.255, true, false",
      "172.32.0.1, true, true",
      "192.168.1.1, true, false",
      "192.169.1.1, true, true",
      "100.63.255.255, true, true",
      "100.64.0.1, true, false",
      "100.127.255.255, true, false",
      "100.128.0.1, true, true",
      "255.255.255.255, true, true",
      "2001:db8::1, true, true",
      "2a03:0000:10ff:f00f:0000:0000:0:8000, true, true",
      "::1, true, false",
      "::, true, false",
      "fe80::1, true, false",
      "FEBF::1, true, false",
      "fec0::1, true, true",
      "fc00::1, true, false",
      "fdff::1, true, false",
      "::ffff:10.1.2.3, true, false",
      "::ffff:203.0.113.9, true, true",
      "256.1.1.1, false, false",
      "1.2.3, false, false",
      "1.2.3.4.5, false, false",
      "1.2.3., false, false",
      "1..2.3, false, false",
      "1.2.3.4:8080, false, false",
      "01234.1.1.1, false, false",
      "unknown, false, false",
      "cafe, false, false",
      "www.example.com, false, false",
      "www.example.com:443, false, false",
      "host-1, false, false",
  })
  void classify(String address, boolean literal, boolean isPublic) {
    byte[] b = ("[" + address + "]").getBytes(StandardCharsets.US_ASCII);
    // within a larger buffer, as the parser calls it
    assertThat(ClientAddresses.isIpLiteral(b, 1, b.length - 1)).as(address).isEqualTo(literal);
    assertThat(ClientAddresses.isPublic(b, 1, b.length - 1)).as(address).isEqualTo(isPublic);
  }

  @ParameterizedTest
  @CsvSource({"1.2.3.4, 16909060", "0.0.0.0, 0", "255.255.255.255, 4294967295",
      "10.0.0.1, 167772161"})
  void ipv4Value(String address, long value) {
    byte[] b = address.getBytes(StandardCharsets.US_ASCII);
    assertThat(ClientAddresses.ipv4(b, 0, b.length)).isEqualTo(value);
  }
}
