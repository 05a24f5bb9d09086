/** The annual decision catalog (决策事项目录, Art. 3): drafted, approved by the party committee, published, changed only with the same approval. */
package cn.majordecision.catalog;
