#!/usr/bin/env python3
"""Generates the application-log sample data of Colony and its ground truth, event by event.

    python3 sample-data/tools/make_app_logs.py

writes, relative to sample-data/:

    logs/app/dt=2026-11-24/app.log        Log4j 2, pattern %d{yyyy-MM-dd HH:mm:ss.SSS} [%t]
                                          %-5level %logger{36} - %msg%n, clock UTC, no zone
    logs/app/dt=2026-11-24/_SUCCESS
    logs/app/dt=2026-11-25/app.log.gz     Spring Boot 3 logback console pattern, clock
                                          Europe/Berlin (+01:00 in the timestamps), gzip (mtime 0)
    logs/app/dt=2026-11-25/_SUCCESS
    expected/app-events/dt=YYYY-MM-DD/events.tsv and counts.json

Python 3.11+, standard library only. Deterministic: fixed seeds, no clock, no set iteration;
running it twice gives byte-identical files.

The web shop of the access logs (sample-data/logs/access), seen from its Java application: a
Spring Boot service (com.example.shop) on Tomcat, Hibernate and HikariCP over MySQL, calling a
payment gateway over HTTPS. The ground truth is what the generator chose for each event (its
time, level, thread, logger, the exception it threw and its causes, its lines), never the log
text parsed back.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

SAMPLE_DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Relative traffic per local hour 00..23, as in the access logs: quiet nights, two peaks.
DIURNAL = [0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 2.6, 3.0, 3.3,
           3.7, 3.5, 3.1, 2.9, 3.0, 3.3, 3.9, 4.5, 4.7, 4.1, 3.0, 1.7]


# --------------------------------------------------------------------------------------------
# Exceptions and their stack traces, printed as Throwable.printStackTrace does
# --------------------------------------------------------------------------------------------

@dataclass
class Exc:
    cls: str
    msg: str | None
    frames: list[str]
    cause: Exc | None = None
    suppressed: list[Exc] = field(default_factory=list)

    def line(self) -> str:
        return self.cls if self.msg is None else f"{self.cls}: {self.msg}"

    def chain(self) -> list[str]:
        """This class and those of its causes, outermost first."""
        return [self.cls] + (self.cause.chain() if self.cause else [])


def trace_lines(exc: Exc, more: str) -> list[str]:
    """The lines of exc's trace; `more` formats the elided common frames ("... {n} more")."""
    lines = [exc.line()]
    lines += [f"\tat {f}" for f in exc.frames]
    for s in exc.suppressed:
        enclosed(s, exc.frames, "Suppressed: ", "\t", more, lines)
    if exc.cause:
        enclosed(exc.cause, exc.frames, "Caused by: ", "", more, lines)
    return lines


def enclosed(exc: Exc, outer: list[str], caption: str, prefix: str, more: str, lines: list[str]):
    m, n = len(exc.frames) - 1, len(outer) - 1
    while m >= 0 and n >= 0 and exc.frames[m] == outer[n]:
        m, n = m - 1, n - 1
    common = len(exc.frames) - 1 - m
    lines.append(f"{prefix}{caption}{exc.line()}")
    lines += [f"{prefix}\tat {f}" for f in exc.frames[:m + 1]]
    if common:
        lines.append(f"{prefix}\t{more.format(n=common)}")
    for s in exc.suppressed:
        enclosed(s, exc.frames, "Suppressed: ", prefix + "\t", more, lines)
    if exc.cause:
        enclosed(exc.cause, exc.frames, "Caused by: ", prefix, more, lines)


def frames(text: str) -> list[str]:
    return [f.strip() for f in text.strip().splitlines()]


TOMCAT = frames("""
    org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
    org.springframework.web.servlet.FrameworkServlet.do{METHOD}(FrameworkServlet.java:{LINE})
    jakarta.servlet.http.HttpServlet.service(HttpServlet.java:{SERVICE})
    org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
    jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    org.apache.tomcat.websocket.server.WsFilter.doFilter(WsFilter.java:51)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    com.example.shop.web.RequestLogFilter.doFilterInternal(RequestLogFilter.java:38)
    org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    org.springframework.web.filter.RequestContextFilter.doFilterInternal(RequestContextFilter.java:100)
    org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    org.springframework.web.filter.FormContentFilter.doFilterInternal(FormContentFilter.java:93)
    org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    org.springframework.web.filter.CharacterEncodingFilter.doFilterInternal(CharacterEncodingFilter.java:201)
    org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)
    org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)
    org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
    org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167)
    org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90)
    org.apache.catalina.authenticator.AuthenticatorBase.invoke(AuthenticatorBase.java:482)
    org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:115)
    org.apache.catalina.valves.ErrorReportValve.invoke(ErrorReportValve.java:93)
    org.apache.catalina.core.StandardEngineValve.invoke(StandardEngineValve.java:74)
    org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:344)
    org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:391)
    org.apache.coyote.AbstractProcessorLight.process(AbstractProcessorLight.java:63)
    org.apache.coyote.AbstractProtocol$ConnectionHandler.process(AbstractProtocol.java:896)
    org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)
    org.apache.tomcat.util.net.SocketProcessorBase.run(SocketProcessorBase.java:52)
    org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1191)
    org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)
    org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)
    java.base/java.lang.Thread.run(Thread.java:840)
""")

MVC = frames("""
    java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
    java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
    java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
    java.base/java.lang.reflect.Method.invoke(Method.java:568)
    org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:205)
    org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:150)
    org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:884)
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:797)
    org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87)
    org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1081)
    org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:974)
""")


def web(method: str, shop: list[str]) -> list[str]:
    """A request thread's stack under `shop` (the application's own frames, innermost first)."""
    line, service = {"GET": (903, 564), "POST": (914, 590)}[method]
    tomcat = [f.replace("{METHOD}", method.capitalize()).replace("{LINE}", str(line))
              .replace("{SERVICE}", str(service)) for f in TOMCAT]
    return shop + MVC + tomcat


def transactional(bean: str, method: str) -> list[str]:
    """The frames of a call through a @Transactional CGLIB proxy of `bean` (inner end first)."""
    return frames(f"""
        java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
        java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
        java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
        java.base/java.lang.reflect.Method.invoke(Method.java:568)
        org.springframework.aop.support.AopUtils.invokeJoinpointUsingReflection(AopUtils.java:352)
        org.springframework.aop.framework.ReflectiveMethodInvocation.invokeJoinpoint(ReflectiveMethodInvocation.java:196)
        org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:163)
        org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation.proceed(CglibAopProxy.java:765)
        org.springframework.transaction.interceptor.TransactionInterceptor$1.proceedWithInvocation(TransactionInterceptor.java:123)
        org.springframework.transaction.interceptor.TransactionAspectSupport.invokeWithinTransaction(TransactionAspectSupport.java:385)
        org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)
        org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)
        org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation.proceed(CglibAopProxy.java:765)
        org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor.intercept(CglibAopProxy.java:717)
        {bean}$$SpringCGLIB$$0.{method}(<generated>)
    """)


REPOSITORY_PROXY = frames("""
    org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)
    org.springframework.data.jpa.repository.support.CrudMethodMetadataPostProcessor$CrudMethodMetadataPopulatingMethodInterceptor.invoke(CrudMethodMetadataPostProcessor.java:164)
    org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)
    org.springframework.aop.framework.JdkDynamicAopProxy.invoke(JdkDynamicAopProxy.java:223)
    jdk.proxy2/jdk.proxy2.$Proxy142.findByCategoryOrderByRank(Unknown Source)
    com.example.shop.catalog.ProductService.listCategory(ProductService.java:58)
""")

HIBERNATE_QUERY = frames("""
    org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.getResultSet(DeferredResultSetAccess.java:167)
    org.hibernate.sql.results.jdbc.internal.JdbcValuesResultSetImpl.advanceNext(JdbcValuesResultSetImpl.java:218)
    org.hibernate.sql.results.jdbc.internal.JdbcValuesResultSetImpl.processNext(JdbcValuesResultSetImpl.java:98)
    org.hibernate.sql.results.jdbc.internal.AbstractJdbcValues.next(AbstractJdbcValues.java:19)
    org.hibernate.sql.results.internal.RowProcessingStateStandardImpl.next(RowProcessingStateStandardImpl.java:66)
    org.hibernate.sql.results.spi.ListResultsConsumer.consume(ListResultsConsumer.java:202)
    org.hibernate.sql.results.spi.ListResultsConsumer.consume(ListResultsConsumer.java:33)
    org.hibernate.sql.exec.internal.JdbcSelectExecutorStandardImpl.doExecuteQuery(JdbcSelectExecutorStandardImpl.java:209)
    org.hibernate.sql.exec.internal.JdbcSelectExecutorStandardImpl.executeQuery(JdbcSelectExecutorStandardImpl.java:83)
    org.hibernate.sql.exec.spi.JdbcSelectExecutor.list(JdbcSelectExecutor.java:76)
    org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan.lambda$new$2(ConcreteSqmSelectQueryPlan.java:136)
    org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan.withCacheableSqmInterpretation(ConcreteSqmSelectQueryPlan.java:361)
    org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan.performList(ConcreteSqmSelectQueryPlan.java:302)
    org.hibernate.query.sqm.internal.QuerySqmImpl.doList(QuerySqmImpl.java:526)
    org.hibernate.query.spi.AbstractSelectionQuery.list(AbstractSelectionQuery.java:423)
    org.hibernate.query.Query.getResultList(Query.java:120)
    org.springframework.data.jpa.repository.query.JpaQueryExecution$CollectionExecution.doExecute(JpaQueryExecution.java:129)
    org.springframework.data.jpa.repository.query.JpaQueryExecution.execute(JpaQueryExecution.java:92)
    org.springframework.data.jpa.repository.query.AbstractJpaQuery.doExecute(AbstractJpaQuery.java:149)
    org.springframework.data.jpa.repository.query.AbstractJpaQuery.execute(AbstractJpaQuery.java:137)
    org.springframework.data.repository.core.support.RepositoryMethodInvoker.doInvoke(RepositoryMethodInvoker.java:170)
    org.springframework.data.repository.core.support.RepositoryMethodInvoker.invoke(RepositoryMethodInvoker.java:158)
    org.springframework.data.repository.core.support.QueryExecutorMethodInterceptor.doInvoke(QueryExecutorMethodInterceptor.java:164)
    org.springframework.data.repository.core.support.QueryExecutorMethodInterceptor.invoke(QueryExecutorMethodInterceptor.java:143)
    org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)
""")

CATEGORY_SQL = ("select p1_0.id,p1_0.category_id,p1_0.name,p1_0.price,p1_0.rank from product p1_0 "
                "where p1_0.category_id=? order by p1_0.rank limit ?")


def query_timeout(category_line: int) -> Exc:
    """A category page's query cancelled by the 2 s query timeout: Spring's QueryTimeoutException
    (a DataAccessException) over Hibernate's over the driver's MySQLTimeoutException (an
    SQLTimeoutException)."""
    controller = [f"com.example.shop.web.CategoryController.show(CategoryController.java:{category_line})"]
    outer = web("GET", frames("""
        org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:262)
        org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241)
        org.springframework.orm.jpa.AbstractEntityManagerFactoryBean.translateExceptionIfPossible(AbstractEntityManagerFactoryBean.java:560)
        org.springframework.dao.support.ChainedPersistenceExceptionTranslator.translateExceptionIfPossible(ChainedPersistenceExceptionTranslator.java:61)
        org.springframework.dao.support.DataAccessUtils.translateIfNecessary(DataAccessUtils.java:243)
        org.springframework.dao.support.PersistenceExceptionTranslationInterceptor.invoke(PersistenceExceptionTranslationInterceptor.java:152)
    """) + REPOSITORY_PROXY + controller)
    # below the repository proxy's translation interceptor, where it called on
    tail = ["org.springframework.dao.support.PersistenceExceptionTranslationInterceptor.invoke("
            "PersistenceExceptionTranslationInterceptor.java:137)"] + outer[6:]
    hibernate = frames("""
        org.hibernate.exception.internal.StandardSQLExceptionConverter.convert(StandardSQLExceptionConverter.java:58)
        org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:108)
        org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.executeQuery(DeferredResultSetAccess.java:265)
    """) + HIBERNATE_QUERY + tail
    driver = frames("""
        com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:986)
        com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1020)
        com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)
        com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)
        org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.executeQuery(DeferredResultSetAccess.java:246)
    """) + HIBERNATE_QUERY + tail
    sql = f"JDBC exception executing SQL [{CATEGORY_SQL}] [Statement cancelled due to timeout or client request]"
    return Exc("org.springframework.dao.QueryTimeoutException", f"{sql}; SQL [n/a]", outer,
               Exc("org.hibernate.QueryTimeoutException", f"{sql} [n/a]", hibernate,
                   Exc("com.mysql.cj.jdbc.exceptions.MySQLTimeoutException",
                       "Statement cancelled due to timeout or client request", driver)))


def checkout(shop_inner: list[str]) -> list[str]:
    return web("POST", shop_inner + transactional("com.example.shop.checkout.CheckoutService",
                                                  "placeOrder")
               + ["com.example.shop.web.CheckoutController.submit(CheckoutController.java:64)"])


def payment_timeout() -> Exc:
    """The payment gateway did not answer in 10 s: RestTemplate's ResourceAccessException over a
    SocketTimeoutException."""
    outer = checkout(frames("""
        org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)
        org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)
        org.springframework.web.client.RestTemplate.execute(RestTemplate.java:790)
        org.springframework.web.client.RestTemplate.postForObject(RestTemplate.java:499)
        com.example.shop.payment.PaymentGatewayClient.charge(PaymentGatewayClient.java:73)
        com.example.shop.checkout.CheckoutService.pay(CheckoutService.java:131)
        com.example.shop.checkout.CheckoutService.placeOrder(CheckoutService.java:104)
    """))
    socket = frames("""
        java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)
        java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)
        java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:355)
        java.base/sun.nio.ch.NioSocketImpl$1.read(NioSocketImpl.java:808)
        java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)
        java.base/sun.security.ssl.SSLSocketInputRecord.read(SSLSocketInputRecord.java:484)
        java.base/sun.security.ssl.SSLSocketInputRecord.readHeader(SSLSocketInputRecord.java:478)
        java.base/sun.security.ssl.SSLSocketInputRecord.decode(SSLSocketInputRecord.java:160)
        java.base/sun.security.ssl.SSLTransport.decode(SSLTransport.java:111)
        java.base/sun.security.ssl.SSLSocketImpl.decode(SSLSocketImpl.java:1510)
        java.base/sun.security.ssl.SSLSocketImpl.readApplicationRecord(SSLSocketImpl.java:1477)
        java.base/sun.security.ssl.SSLSocketImpl$AppInputStream.read(SSLSocketImpl.java:1069)
        java.base/java.io.BufferedInputStream.fill(BufferedInputStream.java:244)
        java.base/java.io.BufferedInputStream.read1(BufferedInputStream.java:284)
        java.base/java.io.BufferedInputStream.read(BufferedInputStream.java:343)
        java.base/sun.net.www.http.HttpClient.parseHTTPHeader(HttpClient.java:791)
        java.base/sun.net.www.http.HttpClient.parseHTTP(HttpClient.java:726)
        java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream0(HttpURLConnection.java:1688)
        java.base/sun.net.www.protocol.http.HttpURLConnection.getInputStream(HttpURLConnection.java:1589)
        java.base/java.net.HttpURLConnection.getResponseCode(HttpURLConnection.java:529)
        java.base/sun.net.www.protocol.https.HttpsURLConnectionImpl.getResponseCode(HttpsURLConnectionImpl.java:308)
        org.springframework.http.client.SimpleClientHttpResponse.getStatusCode(SimpleClientHttpResponse.java:55)
        org.springframework.web.client.DefaultResponseErrorHandler.hasError(DefaultResponseErrorHandler.java:64)
        org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:925)
        org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:889)
    """) + outer[2:]
    url = "https://api.payments.example.net/v1/charges"
    return Exc("org.springframework.web.client.ResourceAccessException",
               f'I/O error on POST request for "{url}": Read timed out', outer,
               Exc("java.net.SocketTimeoutException", "Read timed out", socket))


def cart_checked_out(cart: str) -> Exc:
    return Exc("java.lang.IllegalStateException", f"Cart {cart} is already checked out",
               checkout(["com.example.shop.checkout.CheckoutService.placeOrder(CheckoutService.java:97)"]))


def voucher_npe() -> Exc:
    """A null voucher: Java's helpful NullPointerException message."""
    shop = ["com.example.shop.cart.CartService.applyVoucher(CartService.java:142)"]
    shop += transactional("com.example.shop.cart.CartService", "applyVoucher")
    shop += ["com.example.shop.web.CartController.applyVoucher(CartController.java:77)"]
    return Exc("java.lang.NullPointerException",
               'Cannot invoke "com.example.shop.cart.Voucher.getCode()" because "voucher" is null',
               web("POST", shop))


def no_connection(refused: bool) -> Exc:
    """No pooled connection within 30 s; during the database outage, the last failure is attached."""
    outer = web("POST", frames("""
        org.springframework.orm.jpa.JpaTransactionManager.doBegin(JpaTransactionManager.java:466)
        org.springframework.transaction.support.AbstractPlatformTransactionManager.startTransaction(AbstractPlatformTransactionManager.java:531)
        org.springframework.transaction.support.AbstractPlatformTransactionManager.getTransaction(AbstractPlatformTransactionManager.java:405)
        org.springframework.transaction.interceptor.TransactionAspectSupport.createTransactionIfNecessary(TransactionAspectSupport.java:610)
        org.springframework.transaction.interceptor.TransactionAspectSupport.invokeWithinTransaction(TransactionAspectSupport.java:373)
        org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)
        org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)
        org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation.proceed(CglibAopProxy.java:765)
        org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor.intercept(CglibAopProxy.java:717)
        com.example.shop.checkout.CheckoutService$$SpringCGLIB$$0.placeOrder(<generated>)
        com.example.shop.web.CheckoutController.submit(CheckoutController.java:64)
    """))
    acquire = frames("""
        org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:100)
        org.hibernate.exception.internal.StandardSQLExceptionConverter.convert(StandardSQLExceptionConverter.java:58)
        org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:108)
        org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:94)
        org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl.acquireConnectionIfNeeded(LogicalConnectionManagedImpl.java:116)
        org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl.getPhysicalConnection(LogicalConnectionManagedImpl.java:143)
        org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl.begin(LogicalConnectionManagedImpl.java:273)
        org.hibernate.resource.transaction.backend.jdbc.internal.JdbcResourceLocalTransactionCoordinatorImpl$TransactionDriverControlImpl.begin(JdbcResourceLocalTransactionCoordinatorImpl.java:232)
        org.hibernate.engine.transaction.internal.TransactionImpl.begin(TransactionImpl.java:83)
        org.springframework.orm.jpa.vendor.HibernateJpaDialect.beginTransaction(HibernateJpaDialect.java:176)
        org.springframework.orm.jpa.JpaTransactionManager.doBegin(JpaTransactionManager.java:420)
    """) + outer[1:]
    pool = frames("""
        com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)
        com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)
        com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:146)
        com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)
        org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122)
        org.hibernate.internal.NonContextualJdbcConnectionAccess.obtainConnection(NonContextualJdbcConnectionAccess.java:46)
        org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl.acquireConnectionIfNeeded(LogicalConnectionManagedImpl.java:113)
    """) + acquire[5:]
    message = "HikariPool-1 - Connection is not available, request timed out after 30000ms."
    last = None
    if refused:
        connect = frames("""
            com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:175)
            com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:64)
            com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:825)
            com.mysql.cj.jdbc.ConnectionImpl.<init>(ConnectionImpl.java:446)
            com.mysql.cj.jdbc.ConnectionImpl.getInstance(ConnectionImpl.java:239)
            com.mysql.cj.jdbc.NonRegisteringDriver.connect(NonRegisteringDriver.java:188)
            com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:138)
            com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)
            com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:201)
            com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:470)
            com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:733)
            com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:712)
            java.base/java.util.concurrent.FutureTask.run(FutureTask.java:264)
            java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
            java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
            java.base/java.lang.Thread.run(Thread.java:840)
        """)
        socket = frames("""
            java.base/sun.nio.ch.Net.pollConnect(Native Method)
            java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)
            java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:547)
            java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:602)
            java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)
            java.base/java.net.Socket.connect(Socket.java:633)
            com.mysql.cj.protocol.StandardSocketFactory.connect(StandardSocketFactory.java:153)
            com.mysql.cj.protocol.a.NativeSocketConnection.connect(NativeSocketConnection.java:63)
            com.mysql.cj.NativeSession.connect(NativeSession.java:120)
        """) + connect[2:]
        last = Exc("com.mysql.cj.jdbc.exceptions.CommunicationsException",
                   "Communications link failure\n\nThe last packet sent successfully to the server was"
                   " 0 milliseconds ago. The driver has not received any packets from the server.",
                   connect, Exc("java.net.ConnectException", "Connection refused", socket))
    return Exc("org.springframework.transaction.CannotCreateTransactionException",
               "Could not open JPA EntityManager for transaction", outer,
               Exc("org.hibernate.exception.JDBCConnectionException",
                   f"Unable to acquire JDBC Connection [{message}] [n/a]", acquire,
                   Exc("java.sql.SQLTransientConnectionException", message, pool, last)))


def thumbnail_failure(product: int) -> Exc:
    """A scheduled job's write failure; try-with-resources adds the close failure to it as
    suppressed."""
    job = frames(f"""
        com.example.shop.media.ThumbnailWriter.write(ThumbnailWriter.java:58)
        com.example.shop.media.ThumbnailJob.render(ThumbnailJob.java:91)
        com.example.shop.media.ThumbnailJob.run(ThumbnailJob.java:47)
        java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
        java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
        java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
        java.base/java.lang.reflect.Method.invoke(Method.java:568)
        org.springframework.scheduling.support.ScheduledMethodRunnable.run(ScheduledMethodRunnable.java:84)
        org.springframework.scheduling.support.DelegatingErrorHandlingRunnable.run(DelegatingErrorHandlingRunnable.java:54)
        java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)
        java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:305)
        java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:305)
        java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
        java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)
        java.base/java.lang.Thread.run(Thread.java:840)
    """)
    write = frames("""
        java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)
        java.base/sun.nio.ch.FileDispatcherImpl.write(FileDispatcherImpl.java:62)
        java.base/sun.nio.ch.IOUtil.writeFromNativeBuffer(IOUtil.java:132)
        java.base/sun.nio.ch.IOUtil.write(IOUtil.java:97)
        java.base/sun.nio.ch.FileChannelImpl.write(FileChannelImpl.java:285)
        java.base/java.nio.channels.Channels.writeFullyImpl(Channels.java:74)
        java.base/java.nio.channels.Channels.writeFully(Channels.java:97)
        java.base/java.nio.channels.Channels$1.write(Channels.java:172)
        java.base/java.io.BufferedOutputStream.flushBuffer(BufferedOutputStream.java:81)
        java.base/java.io.BufferedOutputStream.write(BufferedOutputStream.java:127)
        com.example.shop.media.ThumbnailWriter.write(ThumbnailWriter.java:55)
    """) + job[1:]
    close = frames("""
        java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)
        java.base/sun.nio.ch.FileDispatcherImpl.write(FileDispatcherImpl.java:62)
        java.base/java.io.BufferedOutputStream.flushBuffer(BufferedOutputStream.java:81)
        java.base/java.io.BufferedOutputStream.flush(BufferedOutputStream.java:142)
        java.base/java.io.FilterOutputStream.close(FilterOutputStream.java:182)
        com.example.shop.media.ThumbnailWriter.write(ThumbnailWriter.java:56)
    """) + job[1:]
    path = f"/var/lib/shop/thumbs/{product}-480.webp"
    cause = Exc("java.io.IOException", "No space left on device", write)
    cause.suppressed.append(Exc("java.io.IOException", "No space left on device", close))
    return Exc("java.io.UncheckedIOException", f"Cannot write thumbnail {path}", job, cause)


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------

def abbreviate(logger: str, width: int) -> str:
    """logback's %logger{width}: packages cut to their first letter from the left until it fits."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


class Log4j2Classic:
    """Day 1: Log4j 2, %d{yyyy-MM-dd HH:mm:ss.SSS} [%t] %-5level %logger{36} - %msg%n, UTC clock.
    Omitted common frames as Log4j 2 and the JDK print them: "... N more"."""
    more = "... {n} more"
    utc_offset = timedelta(0)

    def header(self, t: datetime, level, thread, logger, msg) -> tuple[str, str, str]:
        stamp = t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"
        return f"{stamp} [{thread}] {level:<5} {logger} - {msg}", thread, logger


class SpringBoot:
    """Day 2: Spring Boot 3.2's logback console pattern, Europe/Berlin clock (+01:00):
    %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p PID --- [app] [%15.15t] %-40.40logger{39} : %m%n.
    Omitted common frames as logback prints them: "... N common frames omitted"."""
    more = "... {n} common frames omitted"
    utc_offset = timedelta(hours=1)

    def header(self, t: datetime, level, thread, logger, msg) -> tuple[str, str, str]:
        local = t + self.utc_offset
        stamp = local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}+01:00"
        shown_thread = thread[-15:]
        shown_logger = abbreviate(logger, 39)[-40:]
        return (f"{stamp} {level:>5} 4242 --- [shop] [{shown_thread:>15}] {shown_logger:<40} : {msg}",
                shown_thread, shown_logger)


# --------------------------------------------------------------------------------------------
# Events of one day
# --------------------------------------------------------------------------------------------

@dataclass
class Event:
    t: datetime                  # UTC, millisecond precision
    level: str
    thread: str
    logger: str                  # full name; the layout may abbreviate it
    msg: str
    more: list[str] = field(default_factory=list)   # continuation lines other than a trace
    exc: Exc | None = None
    seq: int = 0


PATHS = (["/", "/cart", "/search", "/login", "/account", "/api/cart", "/api/search"]
         + [f"/products/{p}" for p in (7, 12, 42, 58, 77, 101, 118, 153, 204, 311)]
         + [f"/category/{c}" for c in ("shoes", "jackets", "bags", "hats", "sale", "outdoor")])
USERS = ["alice", "bob", "carol", "dave", "erin", "frank"]
SEARCHES = ["boots", "winter jacket", "M\u00fctze", "wool scarf", "gl\u00f6ves", "backpack",
            "parka", "Daunenjacke", "sneakers"]

SLOW_SQL = [
    ["select", "    p1_0.id,", "    p1_0.name,", "    p1_0.price", "from", "    product p1_0",
     "where", "    p1_0.category_id=?", "order by", "    p1_0.rank", "limit", "    ?"],
    ["select", "    o1_0.id,", "    o1_0.created_at,", "    o1_0.total", "from", "    orders o1_0",
     "join", "    customer c1_0", "        on c1_0.id=o1_0.customer_id", "where",
     "    c1_0.email=?", "order by", "    o1_0.created_at desc"],
    ["select", "    count(*)", "from", "    product p1_0", "where",
     "    lower(p1_0.name) like ? escape ''"],
]

CONFIG = [
    "  server.port = 8080",
    "  server.shutdown = graceful",
    "  spring.application.name = shop",
    "  spring.datasource.url = jdbc:mysql://db.internal:3306/shop?useSSL=true",
    "  spring.datasource.username = shop",
    "  spring.datasource.password = ******",
    "  spring.datasource.hikari.maximum-pool-size = 20",
    "  spring.datasource.hikari.connection-timeout = 30000",
    "  spring.jpa.open-in-view = false",
    "  spring.jpa.properties.jakarta.persistence.query.timeout = 2000",
    "  shop.payment.base-url = https://api.payments.example.net/v1",
    "  shop.payment.read-timeout = 10s",
    "  shop.cart.max-items = 50",
    "  shop.search.page-size = 24",
    "  shop.thumbnails.dir = /var/lib/shop/thumbs",
    "  management.endpoints.web.exposure.include = health,info,prometheus",
]

FLAGS = ["{", '  "newCheckout" : true,', '  "voucherStacking" : false,',
         '  "searchSuggestions" : {', '    "enabled" : true,', '    "minChars" : 3',
         "  },", '  "recommendations" : [ "bestsellers", "recently-viewed" ]', "}"]


class Day:
    def __init__(self, date: datetime, layout, seed: int):
        self.date = date            # local midnight, as a naive datetime
        self.layout = layout
        self.rng = random.Random(seed)
        self.events: list[Event] = []
        self.start_utc = date - layout.utc_offset
        self.cut = False

    def add(self, t: datetime, level, thread, logger, msg, more=None, exc=None):
        t = t.replace(microsecond=t.microsecond // 1000 * 1000)
        self.events.append(Event(t, level, thread, logger, msg, more or [], exc, len(self.events)))

    def at(self, local_hour: float) -> datetime:
        return self.start_utc + timedelta(seconds=local_hour * 3600)

    def random_time(self, hours=None) -> datetime:
        rng = self.rng
        if hours is None:
            while True:  # the day's last seconds are the cut event's
                h = rng.choices(range(24), weights=DIURNAL)[0] + rng.random()
                if h < 23.99:
                    return self.at(h)
        lo, hi = hours
        return self.at(lo + (hi - lo) * rng.random())

    def exec_thread(self) -> str:
        return f"http-nio-8080-exec-{self.rng.randint(1, 20)}"

    # --- kinds of events

    def requests(self, n: int, down: list[tuple[float, float]]):
        rng = self.rng
        for _ in range(n):
            t = self.random_time()
            h = (t - self.start_utc).total_seconds() / 3600
            if any(lo <= h < hi for lo, hi in down):
                continue
            path = rng.choice(PATHS)
            method = "POST" if path in ("/api/cart", "/login") and rng.random() < 0.6 else "GET"
            status = rng.choices([200, 304, 302, 404], weights=[86, 8, 3, 3])[0]
            ms = int(rng.lognormvariate(3.3, 0.6)) + 2
            user = f" user={rng.choice(USERS)}" if rng.random() < 0.15 else ""
            self.add(t, "INFO", self.exec_thread(), "com.example.shop.web.RequestLogFilter",
                     f"{method} {path} {status} {ms}ms{user}")
        for _ in range(n // 25):
            q = rng.choice(SEARCHES)
            self.add(self.random_time(), "INFO", self.exec_thread(),
                     "com.example.shop.search.SearchService",
                     f"Search '{q}' returned {rng.randint(0, 60)} results")
        for _ in range(n // 30):
            order = rng.randint(10_400, 10_999)
            cents = rng.randint(990, 49_990)
            self.add(self.random_time(), "INFO", self.exec_thread(),
                     "com.example.shop.checkout.CheckoutService",
                     f"Order {order} placed: {rng.randint(1, 6)} items, total "
                     f"{cents // 100}.{cents % 100:02d} EUR")

    def scheduled(self, down):
        rng = self.rng
        for hour in range(24):
            t = self.at(hour + 0.01)
            if any(lo <= hour + 0.01 < hi for lo, hi in down):
                continue
            self.add(t, "INFO", "scheduling-1", "com.example.shop.jobs.SitemapJob",
                     f"Sitemap regenerated: {1180 + rng.randint(0, 40)} URLs in "
                     f"{rng.randint(600, 1200)} ms")
            for quarter in range(4):
                self.add(self.at(hour + quarter / 4 + 0.002), "DEBUG", "scheduling-2",
                         "com.example.shop.cache.PriceCache",
                         f"Price cache refreshed: {1204 + rng.randint(-3, 3)} entries")

    def slow_queries(self, n: int):
        rng = self.rng
        for _ in range(n):
            sql = rng.choice(SLOW_SQL)
            ms = rng.randint(1200, 1990)
            self.add(self.random_time(), "WARN", self.exec_thread(),
                     "com.example.shop.repo.SlowQueryLog",
                     f"Slow query ({ms} ms, {rng.randint(0, 48)} rows):",
                     ["    " + line for line in sql])

    def timeouts(self, n: int):
        """Category queries over the 2 s timeout: Hibernate's two log lines, then the trace."""
        for _ in range(n):
            t = self.random_time()
            thread = self.exec_thread()
            self.add(t, "WARN", thread, "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
                     "SQL Error: 1317, SQLState: 70100")
            self.add(t, "ERROR", thread, "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
                     "Statement cancelled due to timeout or client request")
            cat = self.rng.choice(["shoes", "jackets", "sale", "outdoor"])
            self.add(t + timedelta(milliseconds=3), "ERROR", thread,
                     "com.example.shop.web.GlobalExceptionHandler",
                     f"Request failed: GET /category/{cat}", exc=query_timeout(41))

    def payments(self, n: int):
        rng = self.rng
        for _ in range(n):
            t = self.random_time()
            thread = self.exec_thread()
            order = rng.randint(10_400, 10_999)
            self.add(t, "WARN", thread, "com.example.shop.payment.PaymentGatewayClient",
                     f"Retrying charge for order {order} (attempt 2 of 2): "
                     "java.net.SocketTimeoutException: Read timed out")
            self.add(t + timedelta(seconds=10, milliseconds=rng.randint(1, 40)), "ERROR", thread,
                     "com.example.shop.web.GlobalExceptionHandler",
                     f"Request failed: POST /checkout (order {order})", exc=payment_timeout())
        for _ in range(n):
            self.add(self.random_time(), "ERROR", self.exec_thread(),
                     "com.example.shop.payment.PaymentService",
                     f"Payment declined for order {rng.randint(10_400, 10_999)}: card_declined")

    def checked_out_carts(self, n: int):
        for _ in range(n):
            cart = f"{self.rng.getrandbits(32):08x}"
            self.add(self.random_time(), "ERROR", self.exec_thread(),
                     "com.example.shop.web.GlobalExceptionHandler",
                     "Request failed: POST /checkout", exc=cart_checked_out(cart))

    def null_vouchers(self, n: int):
        npe = voucher_npe()
        for _ in range(n):
            self.add(self.random_time(), "ERROR", self.exec_thread(),
                     "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]",
                     "Servlet.service() for servlet [dispatcherServlet] in context with path [] "
                     f"threw exception [Request processing failed: {npe.line()}] with root cause",
                     exc=npe)
        # once, after the JIT's fast throw: no message, no frames
        self.add(self.random_time((20, 21)), "ERROR", self.exec_thread(),
                 "com.example.shop.search.SearchService", "Search failed for q='boots'",
                 exc=Exc("java.lang.NullPointerException", None, []))

    def thumbnails(self, n: int):
        for _ in range(n):
            product = self.rng.randint(1, 320)
            self.add(self.random_time((2, 4)), "ERROR", "scheduling-1",
                     "com.example.shop.media.ThumbnailJob",
                     f"Thumbnail for product {product} failed", exc=thumbnail_failure(product))

    def restart(self, local_hour: float, version: str):
        """A deploy: graceful shutdown, then startup with the configuration dumps."""
        t = self.at(local_hour)
        hook = "SpringApplicationShutdownHook"
        ms = timedelta(milliseconds=1)
        self.add(t, "INFO", hook, "org.springframework.boot.web.embedded.tomcat.GracefulShutdown",
                 "Commencing graceful shutdown. Waiting for active requests to complete")
        self.add(t + 420 * ms, "INFO", "tomcat-shutdown",
                 "org.springframework.boot.web.embedded.tomcat.GracefulShutdown",
                 "Graceful shutdown complete")
        self.add(t + 431 * ms, "INFO", hook, "com.zaxxer.hikari.HikariDataSource",
                 "HikariPool-1 - Shutdown initiated...")
        self.add(t + 447 * ms, "INFO", hook, "com.zaxxer.hikari.HikariDataSource",
                 "HikariPool-1 - Shutdown completed.")
        s = t + timedelta(seconds=41)
        steps = [
            (0, "com.example.shop.ShopApplication",
             f"Starting ShopApplication v{version} using Java 17.0.9 with PID 4242 "
             "(/opt/shop/shop.jar started by shop in /opt/shop)"),
            (9, "com.example.shop.ShopApplication", 'The following 1 profile is active: "prod"'),
            (2812, "org.springframework.boot.web.embedded.tomcat.TomcatWebServer",
             "Tomcat initialized with port 8080 (http)"),
            (2830, "org.apache.catalina.core.StandardService", "Starting service [Tomcat]"),
            (2831, "org.apache.catalina.core.StandardEngine",
             "Starting Servlet engine: [Apache Tomcat/10.1.16]"),
            (2905, "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/]",
             "Initializing Spring embedded WebApplicationContext"),
            (3371, "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
            (3702, "com.zaxxer.hikari.pool.HikariPool",
             "HikariPool-1 - Added connection com.mysql.cj.jdbc.ConnectionImpl@5f2c8d1e"),
            (3704, "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
            (3955, "org.hibernate.Version", "HHH000412: Hibernate ORM core version 6.3.1.Final"),
        ]
        for off, logger, msg in steps:
            self.add(s + off * ms, "INFO", "main", logger, msg)
        self.add(s + 6120 * ms, "INFO", "main", "com.example.shop.config.ConfigReport",
                 "Effective configuration (application.yml, environment):", CONFIG)
        self.add(s + 6133 * ms, "INFO", "main", "com.example.shop.config.FeatureFlags",
                 "Feature flags loaded from /etc/shop/flags.json:", FLAGS)
        self.add(s + 8950 * ms, "INFO", "main",
                 "org.springframework.boot.web.embedded.tomcat.TomcatWebServer",
                 "Tomcat started on port 8080 (http) with context path ''")
        self.add(s + 8967 * ms, "INFO", "main", "com.example.shop.ShopApplication",
                 "Started ShopApplication in 9.214 seconds (process running for 10.031)")

    def outage(self, lo: float, hi: float):
        """The database is unreachable: Hikari warns, requests fail without a connection."""
        rng = self.rng
        self.add(self.at(lo), "WARN", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.PoolBase",
                 "HikariPool-1 - Failed to validate connection "
                 "com.mysql.cj.jdbc.ConnectionImpl@1b2c3d4e (No operations allowed after "
                 "connection closed.). Possibly consider using a shorter maxLifetime value.")
        for i in range(34):
            t = self.random_time((lo + 0.01, hi))
            self.add(t, "ERROR", self.exec_thread(), "com.example.shop.web.GlobalExceptionHandler",
                     "Request failed: POST /checkout", exc=no_connection(refused=True))
        self.add(self.at(hi), "INFO", "HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool",
                 "HikariPool-1 - Connection is back: com.mysql.cj.jdbc.ConnectionImpl@7a81c2f0")

    def pool_waits(self, n: int):
        for _ in range(n):
            self.add(self.random_time(), "ERROR", self.exec_thread(),
                     "com.example.shop.web.GlobalExceptionHandler", "Request failed: POST /checkout",
                     exc=no_connection(refused=False))

    def cut_last(self, at_local_hour: float):
        """The process was killed while writing a trace: the file ends inside a frame."""
        self.add(self.at(at_local_hour), "ERROR", self.exec_thread(),
                 "com.example.shop.web.GlobalExceptionHandler", "Request failed: POST /checkout",
                 exc=payment_timeout())
        self.cut = True


# --------------------------------------------------------------------------------------------
# Rendering and ground truth
# --------------------------------------------------------------------------------------------

@dataclass
class Rendered:
    lines: list[str]
    thread: str
    logger: str


def render(day: Day, e: Event) -> Rendered:
    header, thread, logger = day.layout.header(e.t, e.level, e.thread, e.logger, e.msg)
    lines = [header] + e.more
    if e.exc:
        lines += trace_lines(e.exc, day.layout.more)
    lines = "\n".join(lines).split("\n")  # a message may span lines
    return Rendered(lines, thread.strip(), logger.strip())


def tsv_escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def write(path, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def build(day: Day):
    """The log bytes and the ground-truth rows, events in time order."""
    events = sorted(day.events, key=lambda e: (e.t, e.seq))
    rendered = [render(day, e) for e in events]
    if day.cut:
        last = events[-1]
        assert last.exc is not None and last.t == max(e.t for e in events)
        lines = rendered[-1].lines
        keep = 23  # header, exception line, 21 frames; the 22nd cut mid-name
        cut = lines[keep][:len(lines[keep]) // 2]
        rendered[-1] = Rendered(lines[:keep] + [cut], rendered[-1].thread, rendered[-1].logger)
    out = bytearray()
    rows = []
    for i, (e, r) in enumerate(zip(events, rendered)):
        text = "\n".join(r.lines).encode("utf-8")
        exc = e.exc.cls if e.exc else "-"
        shown = sum(1 for line in r.lines if line.startswith("Caused by: "))
        cause = e.exc.chain()[shown] if e.exc else "-"
        t = e.t.replace(tzinfo=timezone.utc)
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        rows.append([len(out), stamp, e.level, r.thread, r.logger, exc, cause, len(r.lines),
                     len(text)])
        out += text
        last = i == len(events) - 1
        if not (last and day.cut):
            out += b"\n"
    return bytes(out), rows, events


def main():
    days = [
        # the deploys and the outage of the access logs: 13:02 UTC (14:02 on Apache's +0100
        # clock), 07:12 and 18:41-18:52 UTC; hours here are on each day's own clock
        (Day(datetime(2026, 11, 24), Log4j2Classic(), 20261124), "app.log", "2.14.0", 13.035,
         []),
        (Day(datetime(2026, 11, 25), SpringBoot(), 20261125), "app.log.gz", "2.15.0", 8.2,
         [(19 + 41 / 60, 19 + 52 / 60)]),
    ]
    for day, name, version, deploy, outages in days:
        down = [(deploy, deploy + 0.05)] + outages
        day.requests(2600, down)
        day.scheduled(down)
        day.slow_queries(38)
        day.timeouts(9)
        day.payments(7)
        day.checked_out_carts(6)
        day.null_vouchers(5)
        day.thumbnails(2)
        day.pool_waits(3)
        day.restart(deploy, version)
        for lo, hi in outages:
            day.outage(lo, hi)
        day.cut_last(23.9995)
        data, rows, events = build(day)
        dt = day.date.strftime("%Y-%m-%d")
        log_dir = f"{SAMPLE_DATA}/logs/app/dt={dt}"
        raw = data
        if name.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write(f"{log_dir}/{name}", data)
        write(f"{log_dir}/_SUCCESS", b"")
        out_dir = f"{SAMPLE_DATA}/expected/app-events/dt={dt}"
        header = ["offset", "time", "level", "thread", "logger", "exception", "root_cause",
                  "lines", "bytes"]
        text = "\t".join(header) + "\n"
        for row in rows:
            text += "\t".join(tsv_escape(c) if isinstance(c, str) else str(c) for c in row) + "\n"
        write(f"{out_dir}/events.tsv", text.encode("utf-8"))
        levels = {}
        for e in events:
            levels[e.level] = levels.get(e.level, 0) + 1
        exceptions = {}
        for row in rows:
            if row[5] != "-":
                key = f"{row[5]} <- {row[6]}" if row[6] != row[5] else row[5]
                exceptions[key] = exceptions.get(key, 0) + 1
        counts = {
            "events": len(rows),
            "lines": sum(r[7] for r in rows),
            "bytes": len(raw),
            "levels": dict(sorted(levels.items())),
            "with_exception": sum(1 for r in rows if r[5] != "-"),
            "exceptions": dict(sorted(exceptions.items())),
            "last_event_cut": True,
        }
        write(f"{out_dir}/counts.json", (json.dumps(counts, indent=2) + "\n").encode())
        print(f"dt={dt}: {counts['events']} events, {counts['lines']} lines, "
              f"{len(raw)} bytes ({len(data)} written), levels {counts['levels']}, "
              f"{counts['with_exception']} with an exception")


if __name__ == "__main__":
    main()
