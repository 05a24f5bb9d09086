package cn.majordecision.cases.process;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's state is changed by our services only. A command run for a signed-in person (the engine REST API and
 * Camunda's webapps set one; our services and the job executor run without) may read, but when it has changed
 * anything (a task, a variable, a token, a job, a deployment, an authorization) it is refused and rolled back,
 * whichever verb or endpoint it came through. Operators repair a live case through our repair endpoint, which
 * checks the statute, asks for a reason and writes the audit log (ADR 0019).
 *
 * <p>The check looks at what the command left to write, not at its class: a verb added in a later engine version is
 * covered without a list to keep. It runs inside the command context, after the command and before the flush, so a
 * refusal leaves the database untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // installed before any other plugin adds interceptors of its own
class EngineWriteGuard extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new Interceptor());
        return interceptors;
    }

    /** Thrown when a person changed the engine's state directly; the engine REST API answers 403. */
    static final class DirectEngineWriteRefused extends AuthorizationException {

        DirectEngineWriteRefused(String userId, String command) {
            super("流程引擎中的任务、变量、流程实例和作业只能由本系统的业务接口改变；运维修复请使用 /api/cases/{编号}/repairs 并说明理由。"
                    + " User " + userId + " may not change the engine's state directly (" + command + ").");
        }
    }

    static final class Interceptor extends CommandInterceptor {

        /** Commands a command runs inside its own context (a listener reading a definition) are judged with it. */
        private static final ThreadLocal<Map<CommandContext, Integer>> DEPTH =
                ThreadLocal.withInitial(IdentityHashMap::new);

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            Map<CommandContext, Integer> depth = DEPTH.get();
            depth.merge(context, 1, Integer::sum);
            T result;
            try {
                result = next.execute(command);
            } finally {
                if (depth.merge(context, -1, Integer::sum) == 0) {
                    depth.remove(context);
                }
            }
            if (context != null && !depth.containsKey(context)) {
                Authentication person = context.getAuthentication();
                if (person != null && person.getUserId() != null && wroteAnything(context)) {
                    throw new DirectEngineWriteRefused(person.getUserId(), command.getClass().getSimpleName());
                }
            }
            return result;
        }

        private static boolean wroteAnything(CommandContext context) {
            DbEntityManager entities = context.getSession(DbEntityManager.class);
            DbOperationManager operations = entities.getDbOperationManager();
            if (!operations.bulkOperations.isEmpty() || !operations.bulkOperationsInsertionOrder.isEmpty()
                    || !operations.inserts.isEmpty() || !operations.updates.isEmpty()
                    || !operations.deletes.isEmpty()) {
                return true;
            }
            for (CachedDbEntity cached : entities.getDbEntityCache().getCachedEntities()) {
                DbEntityState state = cached.getEntityState();
                if (state != DbEntityState.PERSISTENT || cached.isDirty()) {
                    return true;
                }
            }
            return false;
        }
    }
}
