SELECT nextval('tickets'); SELECT nextval('tickets');
