var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.terms={"hash":"e1824515","chunks":["about"],"dicts":["ab"]};
