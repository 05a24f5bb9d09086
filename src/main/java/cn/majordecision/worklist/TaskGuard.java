package cn.majordecision.worklist;

import cn.majordecision.shared.Actor;

/**
 * A feature module's gate on one kind of task before the form: whether the task view must withhold the case
 * materials from this actor for now, and whether the actor may complete the task at all.
 */
public interface TaskGuard {

    /** Whether the draft, the earlier records and the statement of steps are withheld from the actor. */
    default boolean withholdsMaterials(TaskSnapshot task, Actor actor) {
        return false;
    }

    /** Throws a {@code DomainException} when the actor may not complete the task yet, whatever the form says. */
    default void beforeCompletion(TaskSnapshot task, Actor actor) {
    }
}
