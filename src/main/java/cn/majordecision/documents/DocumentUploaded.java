package cn.majordecision.documents;

/** A document version was stored for a case; {@code sha256} is the digest of its bytes. */
public record DocumentUploaded(Long caseId, Long documentId, String title, int version, String fileName,
        String mediaType, long sizeBytes, String sha256, String stage, String uploadedBy) {
}
