package cn.majordecision.cases;

import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The process diagram of a case and the path it took, for whoever may read the case (and only them). */
@Service
@Transactional(readOnly = true)
public class CaseDiagrams {

    private final CaseService cases;
    private final ProcessModels models;

    CaseDiagrams(CaseService cases, ProcessModels models) {
        this.cases = cases;
        this.models = models;
    }

    public String model(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return models.modelXml(decisionCase.getProcessInstanceId()).orElseThrow(() -> DomainException.notFound(
                "DIAGRAM_NOT_FOUND", "事项 " + number + " 的流程图暂时无法读取。"));
    }

    public ProcessPath path(String number, Actor reader) {
        DecisionCase decisionCase = cases.read(number, reader);
        return models.path(decisionCase.getProcessInstanceId());
    }
}
