var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.terms={"hash":"4f0705ea","chunks":["about"],"dicts":["ab"]};
