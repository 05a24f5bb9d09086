package cn.majordecision.documents;

import cn.majordecision.cases.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One stored version of a case document: what it is, who brought it, and the digest of its bytes. */
@Entity
@Immutable
@Table(name = "case_document")
public class CaseDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String title;

    private int version;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "reviewer_upload")
    private boolean reviewerUpload;

    protected CaseDocument() {
    }

    CaseDocument(Long caseId, String title, int version, String fileName, String mediaType, long sizeBytes,
            String sha256, Stage stage, String taskId, String uploadedBy, Instant uploadedAt, boolean reviewerUpload) {
        this.caseId = caseId;
        this.title = title;
        this.version = version;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.stage = stage;
        this.taskId = taskId;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.reviewerUpload = reviewerUpload;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getTitle() { return title; }
    public int getVersion() { return version; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public Stage getStage() { return stage; }
    public String getTaskId() { return taskId; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public boolean isReviewerUpload() { return reviewerUpload; }
}
