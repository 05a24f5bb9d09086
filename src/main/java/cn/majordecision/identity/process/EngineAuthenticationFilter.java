package cn.majordecision.identity.process;

import cn.majordecision.identity.SignedIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine REST calls run as the signed-in user: Camunda checks its authorizations for them and its user operation log
 * names them. (Our own API checks its rules itself and writes our audit log; it calls the engine without a user.)
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn user)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = new ArrayList<>(user.actor().groups());
        if (groups.contains(CamundaEngineIdentity.ENGINE_OPERATORS)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        identity.setAuthentication(user.actor().userId(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
