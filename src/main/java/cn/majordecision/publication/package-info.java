/** Publication (Art. 32): what anyone may read about a decision once it is made and published. */
package cn.majordecision.publication;
