/** Demo users for every group and demo cases for the embedded mode; nothing depends on it. */
package cn.majordecision.demo;
