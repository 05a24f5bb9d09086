package cn.majordecision.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void logLinesDuringTheRequestCarryTheIdTheResponseEchoes() throws Exception {
        // given
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader("X-Request-Id", "edge-7f3a_01.b");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> logged = new AtomicReference<>();
        FilterChain chain = (req, res) -> logged.set(MDC.get("requestId"));
        // when
        filter.doFilter(request, response, chain);
        // then
        assertThat(logged.get()).isEqualTo("edge-7f3a_01.b");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("edge-7f3a_01.b");
        assertThat(MDC.get("requestId")).as("nothing left behind on the pooled thread").isNull();
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByAGeneratedOne() {
        assertThat(RequestIdFilter.requestId(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("a b")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("id\nFAKE LOG LINE")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(RequestIdFilter.requestId(null)).isNotEqualTo(RequestIdFilter.requestId(null));
    }
}
