package cn.majordecision.benchmark;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Benchmark only, never in the application: the same chain of user tasks as the pipeline walk, as a plain BPMN model
 * deployed into the same engine and driven through Camunda's own REST API. Three things stand between that API and
 * a plain Camunda here, and this configuration removes them for the benchmark's process only:
 * <ul>
 * <li>our API chain refuses task completion under {@code /engine-rest} (completions must go through our API): a
 * chain ordered before it serves {@code /engine-rest/**} with the same HTTP Basic sign-in and nothing else, and the
 * application's engine-authentication filter still runs the call as the signed-in user;</li>
 * <li>our task listeners (submission guard, stage tracker, due dates, audit) are Spring events: the event multicaster
 * drops the events of the benchmark's process, so its tasks carry no listener at all;</li>
 * <li>engine authorizations are on: the groups that work on the chain may start it;</li>
 * <li>the engine refuses every write made for a signed-in person (ADR 0019): for the calls this benchmark makes to
 * {@code /engine-rest} as bare Camunda, and only for them, that check is passed by.</li>
 * </ul>
 */
// deliberately not a @Configuration: component scanning in the tests must never find it (it opens /engine-rest for
// task completion); the benchmark passes it to SpringApplication by name, which still processes its @Bean methods
class BareCamundaConfig {

    static final String PROCESS_KEY = "bare-chain";

    /** The pipeline walk's tasks, in order, with their candidate groups (from processes/*.bpmn). */
    static final List<String[]> CHAIN = List.of(
            new String[] {"Task_DecideLaunch", "heads"},
            new String[] {"Task_DraftDecision", "officers"},
            new String[] {"Task_SubmitLegalityPackage", "officers"},
            new String[] {"Task_CheckLegalityMaterials", "legal-reviewers"},
            new String[] {"Task_GiveLegalOpinion", "legal-advisers"},
            new String[] {"Task_ConcludeLegality", "legal-reviewers"},
            new String[] {"Task_RecordMeeting", "meeting-secretaries"},
            new String[] {"Task_PreparePartyReport", "officers"},
            new String[] {"Task_RecordPartyAnswer", "party-committee"},
            new String[] {"Task_ConfirmArchive", "archivists"});

    @Bean
    @Order(0)
    SecurityFilterChain bareEngineRest(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.authenticationManager(authenticationManager)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Spring picks up a multicaster under this name; it passes on every event but the bare chain's task events. */
    /** The stack's ceiling for (c): an anonymous public POST, read as JSON like an opinion, that does nothing. */
    static final String NO_OP_PATH = "/api/public/benchmark/no-op";

    /**
     * A functional endpoint, not an annotated controller: component scanning in the tests would find a controller
     * class here and serve it in every test context. It passes through the same filters, security and JSON reading.
     */
    @Bean
    org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> noOp() {
        return org.springframework.web.servlet.function.RouterFunctions.route().POST(NO_OP_PATH, request ->
                org.springframework.web.servlet.function.ServerResponse.status(201)
                        .body(java.util.Map.of("received", request.body(java.util.Map.class).size()))).build();
    }

    /** Counts the statements each side sends (static: a post-processor is made before the other beans). */
    @Bean
    static StatementCounter statementCounter() {
        return StatementCounter.INSTANCE;
    }

    @Bean(name = "applicationEventMulticaster")
    SimpleApplicationEventMulticaster applicationEventMulticaster() {
        return new SimpleApplicationEventMulticaster() {
            @Override
            public void multicastEvent(ApplicationEvent event, ResolvableType type) {
                if (event instanceof PayloadApplicationEvent<?> payload && isBare(payload.getPayload())) {
                    return;
                }
                super.multicastEvent(event, type);
            }
        };
    }

    private static boolean isBare(Object payload) {
        String definition = payload instanceof DelegateTask task ? task.getProcessDefinitionId()
                : payload instanceof TaskEvent task ? task.getProcessDefinitionId() : null;
        return definition != null && definition.startsWith(PROCESS_KEY + ":");
    }

    @Bean
    ApplicationRunner deployBareChain(RepositoryService repository, AuthorizationService authorizations) {
        return args -> {
            AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(PROCESS_KEY).name("基准测试：裸流程")
                    .camundaHistoryTimeToLive(3650).startEvent("start");
            for (String[] task : CHAIN) {
                builder = builder.userTask(task[0]).camundaCandidateGroups(task[1]);
            }
            BpmnModelInstance model = builder.endEvent("end").done();
            repository.createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model)
                    .enableDuplicateFiltering(true).deploy();
            // officers start the chain, as they file a case; the tasks' candidate groups get their grants from the
            // engine itself when each task is created
            if (authorizations.createAuthorizationQuery().groupIdIn("officers").resourceType(Resources.PROCESS_DEFINITION)
                    .resourceId(PROCESS_KEY).count() == 0) {
                Authorization definition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                definition.setGroupId("officers");
                definition.setResource(Resources.PROCESS_DEFINITION);
                definition.setResourceId(PROCESS_KEY);
                definition.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
                definition.addPermission(Permissions.READ);
                authorizations.saveAuthorization(definition);
                Authorization instance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                instance.setGroupId("officers");
                instance.setResource(Resources.PROCESS_INSTANCE);
                instance.setResourceId(Authorization.ANY);
                instance.addPermission(Permissions.CREATE);
                authorizations.saveAuthorization(instance);
            }
        };
    }

    /** Set while a request to {@code /engine-rest} is served: in this benchmark those are the bare chain's only. */
    private static final ThreadLocal<Boolean> BARE_REQUEST = ThreadLocal.withInitial(() -> false);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bareRequests() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                BARE_REQUEST.set(true);
                try {
                    chain.doFilter(request, response);
                } finally {
                    BARE_REQUEST.remove();
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * Runs after the application's plugins (the write guard is ordered first) and lets the bare chain's requests pass
     * the write guard, as they would on a plain Camunda; every other command still meets it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ProcessEnginePlugin bareRequestsPassTheWriteGuard() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setCustomPostCommandInterceptorsTxRequired(
                        passingBare(configuration.getCustomPostCommandInterceptorsTxRequired()));
                configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                        passingBare(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
            }
        };
    }

    private static List<CommandInterceptor> passingBare(List<CommandInterceptor> interceptors) {
        if (interceptors == null) {
            return null;
        }
        List<CommandInterceptor> passing = new ArrayList<>();
        for (CommandInterceptor interceptor : interceptors) {
            if (!interceptor.getClass().getName().endsWith("EngineWriteGuard$Interceptor")) {
                passing.add(interceptor);
                continue;
            }
            passing.add(new CommandInterceptor() {
                @Override
                public void setNext(CommandExecutor next) {
                    super.setNext(next);
                    interceptor.setNext(next);
                }

                @Override
                public <T> T execute(Command<T> command) {
                    return BARE_REQUEST.get() ? next.execute(command) : interceptor.execute(command);
                }
            });
        }
        return passing;
    }
}
