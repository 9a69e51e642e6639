INSERT INTO inv.items (sku) VALUES ('A-1');
