package cn.majordecision.audit;

import cn.majordecision.catalog.CatalogEvents.CatalogApproved;
import cn.majordecision.catalog.CatalogEvents.CatalogPublished;
import cn.majordecision.catalog.CatalogEvents.ChangeDecided;
import cn.majordecision.catalog.CatalogEvents.ChangeProposed;
import cn.majordecision.catalog.CatalogEvents.ItemDrafted;
import cn.majordecision.identity.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs every change of the decision catalog, each party committee approval included, in the transaction of the change. */
@Component
class CatalogAuditor {

    private final AuditLog log;
    private final UserDirectory users;

    CatalogAuditor(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void on(ItemDrafted event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", event.year());
        payload.put("itemNumber", event.itemNumber());
        payload.put("title", event.title());
        payload.put("change", event.added() ? "added" : "changed");
        log.append(AuditEventType.CATALOG_ITEM_DRAFTED, null, null, event.by(), roleOf(event.by()), payload);
    }

    @EventListener
    void on(CatalogApproved event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", event.year());
        payload.put("government", event.government());
        payload.put("meeting", event.meeting());
        payload.put("items", event.items());
        log.append(AuditEventType.CATALOG_APPROVED, null, null, event.by(), roleOf(event.by()), payload);
    }

    @EventListener
    void on(CatalogPublished event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", event.year());
        payload.put("government", event.government());
        payload.put("items", event.items());
        log.append(AuditEventType.CATALOG_PUBLISHED, null, null, event.by(), roleOf(event.by()), payload);
    }

    @EventListener
    void on(ChangeProposed event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", event.year());
        payload.put("requestId", event.requestId());
        payload.put("kind", event.kind().name());
        payload.put("itemNumber", event.itemNumber());
        payload.put("reason", event.reason());
        log.append(AuditEventType.CATALOG_CHANGE_PROPOSED, null, null, event.by(), roleOf(event.by()), payload);
    }

    @EventListener
    void on(ChangeDecided event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("year", event.year());
        payload.put("requestId", event.requestId());
        payload.put("kind", event.kind().name());
        payload.put("itemNumber", event.itemNumber());
        payload.put("approved", event.approved());
        payload.put("opinion", event.opinion());
        log.append(AuditEventType.CATALOG_CHANGE_DECIDED, null, null, event.by(), roleOf(event.by()), payload);
    }

    private String roleOf(String userId) {
        return users.find(userId).map(actor -> String.join(",", new TreeSet<>(actor.groups()))).orElse(null);
    }
}
