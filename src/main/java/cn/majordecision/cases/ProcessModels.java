package cn.majordecision.cases;

import java.util.Optional;

/**
 * What the case page's process diagram needs from the engine: the deployed model a case runs on and the path it has
 * taken so far; implemented in {@code cases.process}, so nothing outside it touches the engine.
 */
public interface ProcessModels {

    /** The BPMN XML of the process definition the instance runs (or ran) on. */
    Optional<String> modelXml(String processInstanceId);

    /** The activities of the main process the instance has finished and the ones it is in now. */
    ProcessPath path(String processInstanceId);
}
