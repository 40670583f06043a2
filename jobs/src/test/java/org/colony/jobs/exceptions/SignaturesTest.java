package org.colony.jobs.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.colony.io.events.EventRecord;
import org.colony.io.events.EventStart;
import org.junit.jupiter.api.Test;

/** Signatures of hand-written stack traces: frames by package, causes, elided frames. */
class SignaturesTest {
  private static final String HEADER =
      "2026-11-24 09:15:02.123 [http-nio-8080-exec-3] ERROR com.example.shop.web.Handler - "
          + "Request failed";
  private static final List<String> SHOP = List.of("com.example.shop.");

  private static EventRecord event(String... lines) {
    return EventRecord.of(EventStart.of("auto", ZoneOffset.UTC), lines);
  }

  private static Signature sig(List<String> packages, int frames, EventRecord e) {
    return new Signatures(packages, frames).of(e);
  }

  /** A cart checked out twice: own frames around a Spring proxy and Spring's own frames. */
  private static EventRecord illegalState() {
    return event(HEADER,
        "java.lang.IllegalStateException: Cart 42 already checked out",
        "\tat com.example.shop.cart.CartService.checkout(CartService.java:88)",
        "\tat com.example.shop.cart.CartService$$SpringCGLIB$$0.checkout(<generated>)",
        "\tat org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor"
            + ".intercept(CglibAopProxy.java:717)",
        "\tat com.example.shop.web.CartController.submit(CartController.java:51)",
        "\tat com.example.shop.web.RequestLogFilter.doFilterInternal(RequestLogFilter.java:38)",
        "\tat java.base/java.lang.Thread.run(Thread.java:840)");
  }

  @Test
  void framesAreTheFirstOwnFramesAsClassAndMethodSkippingGeneratedClasses() {
    Signature s = sig(SHOP, 3, illegalState());
    assertThat(s.exception()).isEqualTo("java.lang.IllegalStateException");
    assertThat(s.rootCause()).isEqualTo("java.lang.IllegalStateException");
    assertThat(s.frames()).containsExactly("com.example.shop.cart.CartService.checkout",
        "com.example.shop.web.CartController.submit",
        "com.example.shop.web.RequestLogFilter.doFilterInternal");
    assertThat(s.message()).isEqualTo("Cart 42 already checked out");
    assertThat(s.framesText()).isEqualTo("com.example.shop.cart.CartService.checkout;"
        + "com.example.shop.web.CartController.submit;"
        + "com.example.shop.web.RequestLogFilter.doFilterInternal");

    assertThat(sig(SHOP, 1, illegalState()).frames())
        .containsExactly("com.example.shop.cart.CartService.checkout");
    assertThat(sig(SHOP, 0, illegalState()).frames()).isEmpty();
    assertThat(sig(SHOP, 0, illegalState()).framesText()).isEqualTo("-");
    assertThat(sig(List.of("com.example.shop.web."), 3, illegalState()).frames())
        .containsExactly("com.example.shop.web.CartController.submit",
            "com.example.shop.web.RequestLogFilter.doFilterInternal");
    assertThat(sig(List.of("org.acme.", "com.example.shop.web."), 1, illegalState()).frames())
        .containsExactly("com.example.shop.web.CartController.submit");
    assertThat(sig(List.of("org.acme."), 3, illegalState()).frames()).isEmpty();
  }

  /** The payment gateway timed out: the outermost's frames, the cause's class as root cause. */
  private static EventRecord paymentTimeout() {
    return event(HEADER,
        "org.springframework.web.client.ResourceAccessException: I/O error on POST request for "
            + "\"https://api.payments.example.net/v1/charges\": Read timed out",
        "\tat org.springframework.web.client.RestTemplate.createResourceAccessException("
            + "RestTemplate.java:915)",
        "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)",
        "\tat com.example.shop.payment.PaymentGatewayClient.charge(PaymentGatewayClient.java:73)",
        "\tat com.example.shop.checkout.CheckoutService.pay(CheckoutService.java:131)",
        "\tat com.example.shop.checkout.CheckoutService.placeOrder(CheckoutService.java:104)",
        "\tat com.example.shop.web.CheckoutController.submit(CheckoutController.java:64)",
        "\tat java.base/java.lang.Thread.run(Thread.java:840)",
        "Caused by: java.net.SocketTimeoutException: Read timed out",
        "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
        "\tat com.example.shop.payment.Retry.call(Retry.java:12)",
        "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:889)",
        "\t... 6 more");
  }

  @Test
  void causedByGivesTheRootCauseAndTheOutermostGivesTheFrames() {
    Signature s = sig(SHOP, 3, paymentTimeout());
    assertThat(s.exception()).isEqualTo("org.springframework.web.client.ResourceAccessException");
    assertThat(s.rootCause()).isEqualTo("java.net.SocketTimeoutException");
    assertThat(s.frames()).containsExactly(
        "com.example.shop.payment.PaymentGatewayClient.charge",
        "com.example.shop.checkout.CheckoutService.pay",
        "com.example.shop.checkout.CheckoutService.placeOrder");
    assertThat(s.message()).isEqualTo("I/O error on POST request for "
        + "\"https://api.payments.example.net/v1/charges\": Read timed out");
  }

  /** The same trace cut before its Caused by (the process died): another root cause. */
  @Test
  void aTraceCutBeforeItsCauseHasTheExceptionAsRootCause() {
    EventRecord full = paymentTimeout();
    String[] lines = full.text().toString().split("\n");
    EventRecord cut = event(java.util.Arrays.copyOf(lines, 7));
    Signature s = sig(SHOP, 3, cut);
    assertThat(s.rootCause()).isEqualTo(s.exception());
    assertThat(s.frames()).isEqualTo(sig(SHOP, 3, full).frames());
    assertThat(s.id()).isNotEqualTo(sig(SHOP, 3, full).id());
  }

  @Test
  void framesComeFromTheFirstCauseWithOwnCodeWhenTheOutermostHasNone() {
    EventRecord e = event(HEADER,
        "java.util.concurrent.ExecutionException: com.example.shop.jobs.ImportException: bad row",
        "\tat java.base/java.util.concurrent.FutureTask.report(FutureTask.java:122)",
        "\tat java.base/java.util.concurrent.FutureTask.get(FutureTask.java:191)",
        "\tat org.quartz.core.JobRunShell.run(JobRunShell.java:202)",
        "Caused by: org.acme.csv.ParseException: bad row",
        "\tat org.acme.csv.Reader.next(Reader.java:10)",
        "\t... 3 more",
        "Caused by: com.example.shop.jobs.ImportException: bad row",
        "\tat com.example.shop.jobs.Importer.row(Importer.java:77)",
        "\tat com.example.shop.jobs.Importer.run(Importer.java:40)",
        "\t... 4 common frames omitted");
    Signature s = sig(SHOP, 3, e);
    assertThat(s.exception()).isEqualTo("java.util.concurrent.ExecutionException");
    assertThat(s.rootCause()).isEqualTo("com.example.shop.jobs.ImportException");
    assertThat(s.frames()).containsExactly("com.example.shop.jobs.Importer.row",
        "com.example.shop.jobs.Importer.run");
    // the frame counts stop at "... N more": those frames are the enclosing trace's
    assertThat(sig(List.of("org.acme."), 5, e).frames())
        .containsExactly("org.acme.csv.Reader.next");
  }

  @Test
  void suppressedExceptionsAndTheirCausesAreIgnored() {
    EventRecord e = event(HEADER,
        "java.io.UncheckedIOException: Cannot write thumbnail /var/lib/shop/thumbs/192-480.webp",
        "\tat java.base/java.io.BufferedWriter.flush(BufferedWriter.java:12)",
        "\tat com.example.shop.media.ThumbnailWriter.write(ThumbnailWriter.java:58)",
        "\tat com.example.shop.media.ThumbnailJob.render(ThumbnailJob.java:91)",
        "Caused by: java.io.IOException: No space left on device",
        "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)",
        "\tat com.example.shop.media.ThumbnailWriter.write(ThumbnailWriter.java:55)",
        "\t... 2 more",
        "\tSuppressed: java.io.IOException: close failed",
        "\t\tat com.example.shop.media.ThumbnailWriter.close(ThumbnailWriter.java:56)",
        "\tCaused by: java.nio.file.FileSystemException: read-only",
        "\t\tat com.example.shop.media.Disk.check(Disk.java:9)",
        "\t\t... 1 more");
    Signature s = sig(SHOP, 5, e);
    assertThat(s.rootCause()).isEqualTo("java.io.IOException");
    assertThat(s.frames()).containsExactly("com.example.shop.media.ThumbnailWriter.write",
        "com.example.shop.media.ThumbnailJob.render");
  }

  @Test
  void withoutPackagesThePrefixIsThePackageRootOfTheFirstFrameOutsideTheJdk() {
    // the application threw: its own root, com.example.
    EventRecord npe = event(HEADER,
        "java.lang.NullPointerException: Cannot invoke \"Voucher.getCode()\" because \"v\" is null",
        "\tat java.base/java.util.Objects.requireNonNull(Objects.java:233)",
        "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)",
        "\tat com.example.shop.cart.CartService.applyVoucher(CartService.java:142)",
        "\tat org.springframework.aop.support.AopUtils.invoke(AopUtils.java:352)",
        "\tat com.example.web.CartController.applyVoucher(CartController.java:77)",
        "\tat com.example.shop.web.RequestLogFilter.doFilterInternal(RequestLogFilter.java:38)");
    assertThat(sig(List.of(), 3, npe).frames()).containsExactly(
        "com.example.shop.cart.CartService.applyVoucher",
        "com.example.web.CartController.applyVoucher",
        "com.example.shop.web.RequestLogFilter.doFilterInternal");
    // a library threw: the library's root, here org.springframework.
    assertThat(sig(List.of(), 2, paymentTimeout()).frames()).containsExactly(
        "org.springframework.web.client.RestTemplate.createResourceAccessException",
        "org.springframework.web.client.RestTemplate.doExecute");
    assertThat(Signatures.packageRoot("com.example.shop.cart.CartService"))
        .isEqualTo("com.example.");
    assertThat(Signatures.packageRoot("com.example.Cart")).isEqualTo("com.example.");
    assertThat(Signatures.packageRoot("acme.Cart")).isEqualTo("acme.");
    assertThat(Signatures.packageRoot("Cart")).isNull();
  }

  @Test
  void anExceptionWithoutFramesOrMessage() {
    Signature s = sig(SHOP, 3, event(
        "2026-11-24 20:47:25.070 [exec-20] ERROR com.example.shop.search.SearchService - "
            + "Search failed for q='boots'",
        "java.lang.NullPointerException"));
    assertThat(s.exception()).isEqualTo("java.lang.NullPointerException");
    assertThat(s.rootCause()).isEqualTo("java.lang.NullPointerException");
    assertThat(s.frames()).isEmpty();
    assertThat(s.message()).isEmpty();
  }

  @Test
  void theHeaderIsTheExceptionLineWhenFramesFollowIt() {
    Signature s = sig(SHOP, 3, event(
        "2026-11-24 09:15:02.123 [main] ERROR com.example.shop.App - "
            + "java.lang.IllegalArgumentException: port must be positive",
        "\tat com.example.shop.App.main(App.java:12)"));
    assertThat(s.exception()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(s.message()).isEqualTo("port must be positive");
    assertThat(s.frames()).containsExactly("com.example.shop.App.main");
  }

  @Test
  void aMessageOverSeveralLinesAndFramesWithLoaderAndModule() {
    Signature s = sig(List.of("com.mysql."), 3, event(HEADER,
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "",
        "The last packet sent successfully to the server was 0 milliseconds ago.",
        "\tat app//com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException("
            + "SQLError.java:175)",
        "\tat com.mysql.driver@8.4.0/com.mysql.cj.jdbc.ConnectionImpl.<init>("
            + "ConnectionImpl.java:446)"));
    assertThat(s.message()).isEqualTo("Communications link failure\n\n"
        + "The last packet sent successfully to the server was 0 milliseconds ago.");
    assertThat(s.frames()).containsExactly(
        "com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException",
        "com.mysql.cj.jdbc.ConnectionImpl.<init>");
  }

  @Test
  void eventsWithoutAnExceptionHaveNoSignature() {
    assertThat(sig(SHOP, 3, event(HEADER))).isNull();
    assertThat(sig(SHOP, 3, event(
        "2026-11-24 09:15:02.123 [exec-1] WARN  com.example.shop.repo.Products - Slow query",
        "  select p.id, p.name",
        "  from product p where p.price > ?"))).isNull();
    assertThat(sig(SHOP, 3, event(
        "2026-11-24 09:15:02.123 [exec-1] WARN  com.example.shop.pay.Client - retrying after "
            + "java.net.SocketTimeoutException"))).isNull();
  }

  @Test
  void keyAndIdAreStable() throws Exception {
    Signature s = sig(SHOP, 2, paymentTimeout());
    String key = "org.springframework.web.client.ResourceAccessException\n"
        + "java.net.SocketTimeoutException\n"
        + "com.example.shop.payment.PaymentGatewayClient.charge\n"
        + "com.example.shop.checkout.CheckoutService.pay";
    assertThat(new String(s.key(), StandardCharsets.UTF_8)).isEqualTo(key);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(s.id()).isEqualTo(sha.substring(0, 16)).hasSize(16);
    Signature back = Signature.fromKey(s.key(), 0, s.key().length);
    assertThat(back.exception()).isEqualTo(s.exception());
    assertThat(back.rootCause()).isEqualTo(s.rootCause());
    assertThat(back.frames()).isEqualTo(s.frames());
    Signature none = new Signature("a.B", "a.B", List.of(), "");
    assertThat(Signature.fromKey(none.key(), 0, none.key().length).frames()).isEmpty();
  }

  @Test
  void classMethodOfFrameLines() {
    assertThat(Signatures.classMethod("\tat java.base/java.lang.Thread.run(Thread.java:840)"))
        .isEqualTo("java.lang.Thread.run");
    assertThat(Signatures.classMethod("\t\tat a.B$C.lambda$run$0(B.java:3)"))
        .isEqualTo("a.B$C.lambda$run$0");
    assertThat(Signatures.classMethod("\tat Main.main(Main.java)")).isEqualTo("Main.main");
    assertThat(Signatures.classMethod("\tat nothing")).isNull();
  }
}
