package cn.majordecision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every model in processes/ keeps (conventions.md, process-contract.md). */
class ProcessModelConventionsTests {

    private static final Set<String> ID_PREFIXES = Set.of("Task_", "Gateway_", "Event_", "Flow_", "CallActivity_",
            "ServiceTask_", "SubProcess_", "TextAnnotation_", "Association_", "Message_", "Error_");

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(folder("processes"))) {
            List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("BPMN models in processes/").isNotEmpty();
            return models.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void namesFileAfterTheExecutableProcessItHolds(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        Collection<Process> processes = model.getModelElementsByType(Process.class);

        // then
        assertThat(processes).hasSize(1);
        Process process = processes.iterator().next();
        assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
        assertThat(process.isExecutable()).as("isExecutable").isTrue();
        // case processes keep ten years of engine history; housekeeping processes (started by the clock) need far less
        boolean caseProcess = model.getModelElementsByType(StartEvent.class).stream()
                .noneMatch(start -> start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive")
                .isEqualTo(caseProcess ? "P3650D" : "P7D");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void prefixesEveryElementIdWithItsType(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        List<String> unprefixed = model.getModelElementsByType(BaseElement.class).stream()
                .filter(element -> !(element instanceof Process))
                .map(BaseElement::getId)
                .filter(id -> id != null && ID_PREFIXES.stream().noneMatch(id::startsWith))
                .toList();

        // then
        assertThat(unprefixed).as("ids without a type prefix %s", ID_PREFIXES).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void drawsEveryNodeAndFlow(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        List<String> undrawn = new ArrayList<>();
        model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> !(node.getDiagramElement() instanceof BpmnShape shape) || shape.getBounds() == null)
                .forEach(node -> undrawn.add(node.getId()));
        model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getDiagramElement() == null || flow.getDiagramElement().getWaypoints().size() < 2)
                .forEach(flow -> undrawn.add(flow.getId()));
        model.getModelElementsByType(TextAnnotation.class).stream()
                .filter(note -> note.getDiagramElement() == null)
                .forEach(note -> undrawn.add(note.getId()));
        model.getModelElementsByType(Association.class).stream()
                .filter(link -> link.getDiagramElement() == null)
                .forEach(link -> undrawn.add(link.getId()));

        // then
        assertThat(undrawn).as("elements without a DI shape or edge").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void givesEveryUserTaskSomeoneToDoItAndAForm(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);

        // then
        assertThat(tasks).allSatisfy(task -> {
            assertThat(isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee()))
                    .as("%s has neither candidateGroups nor assignee", task.getId()).isFalse();
            assertThat(task.getCamundaFormRef()).as("%s camunda:formRef", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("%s camunda:formRefBinding", task.getId()).isEqualTo("latest");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void linksOnlyFormsThatExist(Path file) throws IOException {
        // given
        Set<String> forms;
        try (Stream<Path> files = Files.list(folder("forms"))) {
            forms = files.map(form -> form.getFileName().toString())
                    .filter(name -> name.endsWith(".form"))
                    .map(name -> name.substring(0, name.length() - ".form".length()))
                    .collect(Collectors.toSet());
        }

        // when
        List<String> missing = read(file).getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaFormRef)
                .filter(formRef -> !forms.contains(formRef))
                .toList();

        // then
        assertThat(missing).as("formRefs without a file in forms/").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsServiceTasksAsyncUnlessAnAnnotationSaysWhyNot(Path file) {
        // given
        BpmnModelInstance model = read(file);
        Set<String> annotated = model.getModelElementsByType(Association.class).stream()
                .filter(link -> link.getTarget() instanceof TextAnnotation note && note.getText() != null
                        && !isBlank(note.getText().getTextContent()))
                .map(link -> link.getSource().getId())
                .collect(Collectors.toSet());

        // when
        List<String> unexplained = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> !task.isCamundaAsyncBefore() && !annotated.contains(task.getId()))
                .map(ServiceTask::getId)
                .toList();

        // then
        assertThat(unexplained).as("synchronous service tasks without an explaining text annotation").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void guardsEveryFlowOutOfAnExclusiveGateway(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        List<String> unguarded = model.getModelElementsByType(ExclusiveGateway.class).stream()
                .filter(gateway -> gateway.getOutgoing().size() > 1)
                .flatMap(gateway -> gateway.getOutgoing().stream()
                        .filter(flow -> flow.getConditionExpression() == null && gateway.getDefault() != flow))
                .map(SequenceFlow::getId)
                .toList();

        // then
        assertThat(unguarded).as("flows out of a deciding gateway without a condition").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void passesCaseNumberAndAllVariablesToCalledProcesses(Path file) {
        // given
        BpmnModelInstance model = read(file);

        // when
        Collection<CallActivity> calls = model.getModelElementsByType(CallActivity.class);

        // then
        assertThat(calls).allSatisfy(call -> {
            List<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
                    : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
            assertThat(ins).as("%s passes the business key", call.getId())
                    .anyMatch(in -> "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
            assertThat(ins).as("%s passes all variables", call.getId())
                    .anyMatch(in -> "all".equals(in.getCamundaVariables()));
        });
    }

    private static BpmnModelInstance read(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        return model;
    }

    /** The folder on the test class path (Maven copies processes/ and forms/ there), else the project folder. */
    private static Path folder(String name) {
        URL url = ProcessModelConventionsTests.class.getClassLoader().getResource(name);
        try {
            if (url != null && "file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Path.of(name);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
