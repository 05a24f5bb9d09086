package cn.majordecision.cases.process;

import cn.majordecision.cases.process.EngineWriteGuard.DirectEngineWriteRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API answers a refused direct write as our API answers any refusal: a 403 problem with a stable
 * code and a Chinese message, instead of the engine's own error format.
 */
@Component
class EngineWriteRefusals implements ResourceConfigCustomizer {

    static final String CODE = "ENGINE_WRITE_THROUGH_OUR_API";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new Mapper());
    }

    static final class Mapper implements ExceptionMapper<DirectEngineWriteRefused> {

        @Override
        public Response toResponse(DirectEngineWriteRefused refused) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "/docs/index.html#problem-" + CODE.toLowerCase().replace('_', '-'));
            problem.put("title", "Forbidden");
            problem.put("status", 403);
            problem.put("detail", refused.getMessage());
            problem.put("code", CODE);
            return Response.status(Response.Status.FORBIDDEN).type("application/problem+json").entity(problem).build();
        }
    }
}
