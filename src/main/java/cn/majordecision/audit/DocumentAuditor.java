package cn.majordecision.audit;

import cn.majordecision.documents.DocumentUploaded;
import cn.majordecision.identity.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs every stored document version with its digest, in the transaction that stores it. */
@Component
class DocumentAuditor {

    private final AuditLog log;
    private final UserDirectory users;

    DocumentAuditor(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void on(DocumentUploaded event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("documentId", event.documentId());
        payload.put("title", event.title());
        payload.put("version", event.version());
        payload.put("fileName", event.fileName());
        payload.put("mediaType", event.mediaType());
        payload.put("sizeBytes", event.sizeBytes());
        payload.put("sha256", event.sha256());
        String role = users.find(event.uploadedBy()).map(a -> String.join(",", new TreeSet<>(a.groups()))).orElse(null);
        log.append(AuditEventType.DOCUMENT_UPLOADED, event.caseId(), event.stage(), event.uploadedBy(), role, payload);
    }
}
