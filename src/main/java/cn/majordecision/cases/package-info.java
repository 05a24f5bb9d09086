/** The decision case: its number, flags, status and stage, its draft versions, stage records and skipped stages. */
package cn.majordecision.cases;
