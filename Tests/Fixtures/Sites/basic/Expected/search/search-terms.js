var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.terms={"hash":"00bb9ef8","chunks":["about"],"dicts":["ab"]};
