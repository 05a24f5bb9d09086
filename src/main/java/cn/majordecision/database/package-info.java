/** The production database's settings: what MySQL or MariaDB must be told, checked before anything uses it. */
package cn.majordecision.database;
